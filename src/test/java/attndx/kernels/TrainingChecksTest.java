package attndx.kernels;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import attndx.core.Engines;
import org.junit.jupiter.api.Test;

/**
 * The probe's narrow-convolution check: its hand-computed input gradient agrees with libtorch on a standard
 * NCHW shape, and the channels-last gradients that narrow backbone stages rely on agree with it wherever this
 * machine trains channels-last.
 */
class TrainingChecksTest {
    static {
        Engines.configure();
    }

    @Test
    void handComputedGradientAgreesWithLibtorchOnSixteenNchwChannels() {
        assertDoesNotThrow(() -> TrainingChecks.narrowInputGradient(16, false));
    }

    @Test
    void narrowChannelsLastGradientsAreRightWhereChannelsLastTrains() {
        KernelAssumptions.assumeRuns(KernelComponent.CHANNELS_LAST);
        for (int channels : new int[] {4, 8, 12}) {
            assertDoesNotThrow(() -> TrainingChecks.narrowInputGradient(channels, true), channels + " channels");
        }
    }
}
