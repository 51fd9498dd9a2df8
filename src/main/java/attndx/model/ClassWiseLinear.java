package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The classifier of class-specific attention (paper 5.2): logit_k = w_k . z_k + b_k, where z_k is the
 * feature pooled by class k's own map. Input B x K x d, output B x K.
 */
public final class ClassWiseLinear extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Parameter weight;
    private final Parameter bias;

    /** A class-wise linear layer; its K x d weight shape is taken from the input at initialisation. */
    public ClassWiseLinear() {
        super(VERSION);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(Layers.TORCH_DEFAULT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, z.getDevice(), training);
        NDArray b = ps.getValue(bias, z.getDevice(), training);
        NDArray row = w.expandDims(0);
        // A view of the parameter joins the model's manager; the batch's manager must free it.
        row.attach(z.getManager());
        return new NDList(z.mul(row).sum(new int[] {2}).add(b));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        weight.setShape(new Shape(in.get(1), in.get(2)));
        bias.setShape(new Shape(in.get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1))};
    }
}
