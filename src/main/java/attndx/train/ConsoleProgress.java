package attndx.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar per epoch (batches, images/s, loss terms, ETA) and one summary line per
 * epoch, on standard error so standard output stays machine-readable.
 */
public final class ConsoleProgress implements TrainingProgress {
    private final PrintStream out;
    private ProgressBar bar;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(500).build();
    }

    @Override
    public void batchFinished(Map<String, Float> loss, double imagesPerSecond) {
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, " %.0f img/s %s", imagesPerSecond, loss.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s=%.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "))));
    }

    @Override
    public void epochFinished(EpochRecord r) {
        bar.close();
        out.printf(Locale.ROOT, "epoch %d: loss %.4f, val AUC %.4f, ECE %.4f, acc %.4f%s (%.1f s, %.0f img/s)%n",
                r.epoch(), r.loss().getOrDefault("total", Double.NaN), r.valAuc(), r.valEce(), r.valAccuracy(),
                r.best() ? " *best*" : "", r.seconds(), r.imagesPerSecond());
        if (r.attention() != null) {
            out.printf(Locale.ROOT, "  attention: mean %.3f, max %.3f, entropy %.3f, nearly constant %.0f%% of maps%n",
                    r.attention().mean(), r.attention().max(), r.attention().entropy(),
                    100 * r.attention().nearlyConstant());
        }
        if (r.skippedUpdates() > 0) {
            out.printf(Locale.ROOT, "  %d updates skipped (fp16 gradient overflow), loss scale now %.0f%n",
                    r.skippedUpdates(), r.lossScale());
        }
    }

    @Override
    public void warning(String message) {
        out.println("warning: " + message);
    }
}
