package attndx.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import attndx.model.DiagnosisNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameter store of a mixed-precision ({@link Precision#FP16}) training step. The model keeps its
 * float32 parameters (the master weights, also what is saved); in a training forward every backbone
 * parameter outside batch norm is handed out as a float16 copy made once per step, a leaf of its own,
 * so convolutions run in float16 and their gradients arrive in float16. (DJL's type cast is not
 * differentiable, so casting inside the graph, as PyTorch's autocast does, is not available.) Batch
 * norm parameters and running statistics, and everything outside the backbone, stay float32.
 *
 * <p>{@link #update()} converts the float16 gradients to float32, checks every gradient for Inf/NaN,
 * and then either skips the step (and lowers the {@link LossScaler}'s scale) or lets {@link AdamOptimizer}
 * update the master weights with the gradients divided by the scale the loss was multiplied with.
 */
final class MixedPrecisionStore extends ParameterStore {
    private final AdamOptimizer optimizer;
    private final LossScaler scaler;
    private final Set<Parameter> half;
    private final List<Parameter> full = new ArrayList<>();
    private final Map<Parameter, NDArray> copies = new LinkedHashMap<>();
    private NDManager stepManager;

    MixedPrecisionStore(NDManager runManager, DiagnosisNetwork network, AdamOptimizer optimizer, LossScaler scaler) {
        super(runManager, false);
        setParameterServer(new SingleDeviceParameterServer(optimizer), new Device[] {runManager.getDevice()});
        this.optimizer = optimizer;
        this.scaler = scaler;
        this.half = Collections.newSetFromMap(new IdentityHashMap<>());
        collectHalf(network.backbone());
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient() && !half.contains(p.getValue())) {
                full.add(p.getValue());
            }
        }
    }

    private void collectHalf(Block block) {
        if (block instanceof BatchNorm) {
            return;
        }
        block.getDirectParameters().values().forEach(half::add);
        for (Block child : block.getChildren().values()) {
            collectHalf(child);
        }
    }

    /** The scaler whose scale multiplies each step's loss. */
    LossScaler scaler() {
        return scaler;
    }

    /** Starts a step whose float16 copies live in {@code manager}. */
    void beginStep(NDManager manager) {
        stepManager = manager;
        copies.clear();
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (!training || !half.contains(parameter)) {
            return super.getValue(parameter, device, training);
        }
        if (stepManager == null) {
            throw new IllegalStateException("mixed-precision forward outside a step: call beginStep first");
        }
        return copies.computeIfAbsent(parameter, p -> {
            NDArray c = p.getArray().toType(DataType.FLOAT16, true);
            c.attach(stepManager);
            c.setRequiresGradient(true);
            return c;
        });
    }

    /** Applies the step's update unless a gradient overflowed; returns whether it was applied. */
    boolean update() {
        float usedScale = scaler.scale();
        Map<Parameter, NDArray> halfGrads = new LinkedHashMap<>();
        copies.forEach((p, c) -> halfGrads.put(p, c.getGradient().toType(DataType.FLOAT32, false)));
        List<NDArray> grads = new ArrayList<>(halfGrads.values());
        for (Parameter p : full) {
            NDArray g = p.getArray().getGradient();
            // The gradient view would otherwise stay registered with the model's manager until it closes.
            g.attach(stepManager);
            grads.add(g);
        }
        boolean finite = allFinite(grads);
        copies.clear();
        stepManager = null;
        if (!scaler.stepFinished(finite)) {
            // The float32 gradients would otherwise add up into the next step's.
            for (Parameter p : full) {
                JniUtils.zeroGrad((PtNDArray) p.getArray());
            }
            return false;
        }
        optimizer.setGradientRescale(1f / usedScale);
        updateAllParameters();
        halfGrads.forEach((p, g) -> optimizer.update(p.getId(), p.getArray(), g));
        return true;
    }

    private static boolean allFinite(List<NDArray> grads) {
        NDArray total = null;
        for (NDArray g : grads) {
            NDArray s = g.sum();
            total = total == null ? s : total.add(s);
        }
        return total == null || Float.isFinite(total.getFloat());
    }
}
