package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.train.LearningRateSchedule.Type;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static final double EPS = 1e-12;

    @Test
    void constantWithWarmupRisesLinearlyToTheBaseRate() {
        LearningRateSchedule s = new LearningRateSchedule(Type.NONE, 4, 0, 1.0);
        double[] expected = {0.025, 0.05, 0.075, 0.1, 0.1, 0.1};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], s.rate(step, 100, 0.1), EPS, "step " + step);
        }
        assertEquals(0.1, LearningRateSchedule.constant().rate(0, 10, 0.1), EPS);
    }

    @Test
    void cosineDecaysFromTheBaseRateAfterWarmupToZeroAtTheLastStep() {
        LearningRateSchedule s = new LearningRateSchedule(Type.COSINE, 2, 0, 1.0);
        // warm-up: 1/2, 2/2 of base; then span = 10 - 2 = 8 steps of cos decay
        assertEquals(0.5, s.rate(0, 10, 1.0), EPS);
        assertEquals(1.0, s.rate(1, 10, 1.0), EPS);
        assertEquals(1.0, s.rate(2, 10, 1.0), EPS);
        assertEquals(0.5 * (1 + Math.cos(Math.PI / 4)), s.rate(4, 10, 1.0), EPS);
        assertEquals(0.5, s.rate(6, 10, 1.0), EPS);
        assertEquals(0.0, s.rate(10, 10, 1.0), EPS);
        assertEquals(0.0, s.rate(12, 10, 1.0), EPS, "past the end the rate stays 0");
    }

    @Test
    void stepDecayMultipliesByGammaEveryStepEvery() {
        LearningRateSchedule s = new LearningRateSchedule(Type.STEP, 0, 3, 0.5);
        double[] expected = {0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], s.rate(step, 100, 0.2), EPS, "step " + step);
        }
        LearningRateSchedule warm = new LearningRateSchedule(Type.STEP, 2, 3, 0.5);
        assertEquals(0.1, warm.rate(0, 100, 0.2), EPS);
        assertEquals(0.2, warm.rate(4, 100, 0.2), EPS, "decay counts steps after the warm-up");
        assertEquals(0.1, warm.rate(5, 100, 0.2), EPS);
    }

    @Test
    void parsesTheCommandLineForms() {
        assertEquals(LearningRateSchedule.constant(), LearningRateSchedule.parse("none"));
        assertEquals(new LearningRateSchedule(Type.COSINE, 50, 0, 1.0), LearningRateSchedule.parse("Cosine,warmup=50"));
        assertEquals(new LearningRateSchedule(Type.STEP, 0, 100, 0.1), LearningRateSchedule.parse("step:100:0.1"));
    }

    @Test
    void rejectsMalformedSchedulesNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("linear"))
                .getMessage().contains("unknown type 'linear'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("step:10"))
                .getMessage().contains("step:EVERY:GAMMA"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("cosine,decay=2"))
                .getMessage().contains("unknown option 'decay=2'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(Type.STEP, 0, 5, 1.5))
                .getMessage().contains("schedule.gamma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(Type.NONE, -1, 0, 1))
                .getMessage().contains("schedule.warmupSteps"));
    }
}
