package attndx.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import attndx.model.DiagnosisModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Clears the parameter gradients an explanation's backward fills as a side effect, so a later training step
 * (or the next explanation) does not inherit them.
 */
final class ParameterGradients {
    private final List<NDArray> arrays = new ArrayList<>();

    ParameterGradients(DiagnosisModel model) {
        for (Parameter p : model.network().getParameters().values()) {
            arrays.add(p.getArray());
        }
    }

    void zero() {
        for (NDArray p : arrays) {
            PtNDArray grad = JniUtils.getGradient((PtNDArray) p);
            if (grad != null) {
                grad.close();
                JniUtils.zeroGrad((PtNDArray) p);
            }
        }
    }
}
