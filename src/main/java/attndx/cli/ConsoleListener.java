package attndx.cli;

import attndx.explain.AuditProgress;
import attndx.report.ExperimentRunner;
import attndx.train.ConsoleProgress;
import attndx.train.TrainingProgress;

/**
 * An experiment's progress on standard error: a line per cell, and unless {@code quiet} the training and audit
 * progress bars.
 */
final class ConsoleListener implements ExperimentRunner.Listener {
    private final boolean quiet;

    ConsoleListener(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void line(String text) {
        System.err.println(text);
    }

    @Override
    public TrainingProgress training() {
        return quiet ? TrainingProgress.silent() : new ConsoleProgress(System.err);
    }

    @Override
    public AuditProgress audit() {
        return quiet ? AuditProgress.silent() : AuditProgress.console(System.err);
    }
}
