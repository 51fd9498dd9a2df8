package attndx.explain;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of an audit's long checks: one bar per check (the console), or nothing (tests). */
public interface AuditProgress {
    /** A check of {@code steps} steps starts. */
    void start(String check, int steps);

    /** One step of the current check finished. */
    void step();

    /** The current check finished. */
    void done();

    /** No output. */
    static AuditProgress silent() {
        return new AuditProgress() {
            @Override
            public void start(String check, int steps) {}

            @Override
            public void step() {}

            @Override
            public void done() {}
        };
    }

    /** An ASCII progress bar per check on {@code out}. */
    static AuditProgress console(PrintStream out) {
        return new AuditProgress() {
            private ProgressBar bar;

            @Override
            public void start(String check, int steps) {
                bar = new ProgressBarBuilder().setTaskName(check).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(500).build();
            }

            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void done() {
                bar.close();
            }
        };
    }
}
