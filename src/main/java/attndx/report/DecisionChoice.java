package attndx.report;

import attndx.calibrate.Predictions;
import attndx.calibrate.SelectiveReport;
import attndx.calibrate.ShiftScores;
import attndx.data.TaskType;
import attndx.metrics.EvaluationConfig;
import attndx.metrics.OperatingPoint;
import attndx.metrics.RankedScores;
import attndx.model.DecisionThresholds;

/**
 * Chooses the decision rules a deployed model applies ({@code attndx predict}, {@code attndx serve}) on the
 * calibration split at the fitted temperature: the abstention threshold tau for the target coverage (seed
 * section 9.4, the one the evaluation already reports), the triage operating point at the target sensitivity
 * (section 10.2, binary tasks), and the per-image energy shift threshold at the false-flag rate (section 10.3;
 * energy rather than the evaluation's Mahalanobis score because it needs no feature statistics in model.json).
 */
final class DecisionChoice {
    /** The class whose probability the triage operating point thresholds in a binary task. */
    static final int POSITIVE = 1;

    private DecisionChoice() {}

    static DecisionThresholds choose(String split, Predictions validation, double temperature, SelectiveReport selective,
            EvaluationConfig config, double falseFlagRate) {
        Double tau = selective == null || selective.validationChosen() == null ? null
                : selective.validationChosen().threshold();
        Double operating = null;
        if (validation.task() == TaskType.BINARY) {
            double[][] p = validation.probabilities(temperature);
            double[] score = new double[p.length];
            boolean[] positive = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                score[i] = p[i][POSITIVE];
                positive[i] = validation.labels()[i] == POSITIVE;
            }
            OperatingPoint op = RankedScores.of(score, positive).specificityAtSensitivity(config.targetSensitivity(), null);
            operating = op == null || Double.isNaN(op.threshold()) ? null : op.threshold();
        }
        double shift = ShiftScores.thresholdAtFalseFlagRate(ShiftScores.energy(validation.logits(), temperature),
                falseFlagRate);
        return new DecisionThresholds(split, tau, tau == null ? null : config.abstentionCoverage(), POSITIVE, operating,
                operating == null ? null : config.targetSensitivity(), shift, falseFlagRate);
    }
}
