package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class LossScalerTest {
    @Test
    void overflowSkipsAndHalvesGoodStepsGrowTheScale() {
        LossScaler s = new LossScaler(8f, 3);
        assertTrue(s.stepFinished(true));
        assertTrue(s.stepFinished(true));
        assertEquals(8f, s.scale());
        assertTrue(s.stepFinished(true));
        assertEquals(16f, s.scale(), "three finite steps in a row double the scale");
        assertFalse(s.stepFinished(false));
        assertEquals(8f, s.scale());
        assertTrue(s.stepFinished(true));
        assertTrue(s.stepFinished(true));
        assertFalse(s.stepFinished(false), "an overflow restarts the count of good steps");
        assertEquals(4f, s.scale());
        assertEquals(2, s.skippedSteps());
    }

    @Test
    void scaleStaysAtLeastOneAndStateRoundTrips() {
        LossScaler s = new LossScaler(2f, 100);
        s.stepFinished(false);
        s.stepFinished(false);
        assertEquals(1f, s.scale());
        s.stepFinished(true);
        LossScaler copy = new LossScaler(LossScaler.INITIAL_SCALE, 100);
        copy.restore(s.state());
        assertEquals(new LossScaler.State(1f, 1, 2), copy.state());
    }

    @Test
    void badSettingsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LossScaler(0.5f, 10)).getMessage()
                .contains("loss scale"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LossScaler(2f, 0)).getMessage()
                .contains("growth interval"));
    }

    @Test
    void autoPrecisionIsMixedOnAGpuOnly() {
        assertEquals(Precision.FP32, Precision.AUTO.resolve(Device.cpu()));
        assertEquals(Precision.FP16, Precision.AUTO.resolve(Device.gpu()));
        assertEquals(Precision.FP16, Precision.FP16.resolve(Device.cpu()));
        assertEquals(Precision.FP32, Precision.FP32.resolve(Device.gpu()));
        assertEquals(Precision.FP16, Precision.parse("fp16"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Precision.parse("bf16")).getMessage()
                .contains("auto, fp32 or fp16"));
    }
}
