package attndx.train;

import java.util.Locale;

/**
 * Learning rate over training steps: linear warm-up from 0 over {@code warmupSteps}, then
 * constant, cosine decay to 0 at the last step, or step decay by {@code gamma} every
 * {@code stepEvery} steps.
 *
 * @param type NONE (constant), COSINE or STEP
 * @param warmupSteps steps of linear warm-up (0 = none)
 * @param stepEvery for STEP: steps between decays (&gt; 0)
 * @param gamma for STEP: multiplicative decay in (0, 1]
 */
public record LearningRateSchedule(Type type, int warmupSteps, int stepEvery, double gamma) {

    /** Schedule shapes. */
    public enum Type { NONE, COSINE, STEP }

    public LearningRateSchedule {
        if (type == null) {
            throw new IllegalArgumentException("schedule.type must be one of NONE, COSINE, STEP");
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("schedule.warmupSteps must be >= 0, got " + warmupSteps);
        }
        if (type == Type.STEP && stepEvery <= 0) {
            throw new IllegalArgumentException("schedule.stepEvery must be > 0 for STEP, got " + stepEvery);
        }
        if (type == Type.STEP && !(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("schedule.gamma must be in (0, 1] for STEP, got " + gamma);
        }
    }

    /** A constant learning rate. */
    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Type.NONE, 0, 0, 1.0);
    }

    /** Parses "none", "cosine", "step:EVERY:GAMMA", each optionally followed by ",warmup=N". */
    public static LearningRateSchedule parse(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(",");
        int warmup = 0;
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].startsWith("warmup=")) {
                throw new IllegalArgumentException("schedule: unknown option '" + parts[i] + "' in '" + spec
                        + "' (expected warmup=N)");
            }
            warmup = Integer.parseInt(parts[i].substring("warmup=".length()));
        }
        String[] head = parts[0].split(":");
        return switch (head[0]) {
            case "none", "constant" -> new LearningRateSchedule(Type.NONE, warmup, 0, 1.0);
            case "cosine" -> new LearningRateSchedule(Type.COSINE, warmup, 0, 1.0);
            case "step" -> {
                if (head.length != 3) {
                    throw new IllegalArgumentException("schedule: expected step:EVERY:GAMMA, got '" + spec + "'");
                }
                yield new LearningRateSchedule(Type.STEP, warmup, Integer.parseInt(head[1]), Double.parseDouble(head[2]));
            }
            default -> throw new IllegalArgumentException("schedule: unknown type '" + head[0]
                    + "' (expected none, cosine or step:EVERY:GAMMA)");
        };
    }

    /** The learning rate at 0-based {@code step} of {@code totalSteps}, for base rate {@code base}. */
    public double rate(int step, int totalSteps, double base) {
        if (step < warmupSteps) {
            return base * (step + 1) / warmupSteps;
        }
        return switch (type) {
            case NONE -> base;
            case COSINE -> {
                int span = Math.max(1, totalSteps - warmupSteps);
                double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
                yield base * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
            case STEP -> base * Math.pow(gamma, (step - warmupSteps) / stepEvery);
        };
    }
}
