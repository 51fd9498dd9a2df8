package attndx.serve;

import attndx.data.QcFlag;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table {@code attndx predict} prints: one row per study in worklist order, then the model's warnings. */
public final class PredictTable {
    private static final int ID_WIDTH = 24;

    private PredictTable() {}

    /** The table for {@code result} in {@code mode}. */
    public static String format(PredictRun.Result result, PredictMode mode) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-4s %-" + ID_WIDTH + "s %-12s %6s %8s %-8s %-6s %-6s %s%n", "#", "study",
                "label", "p", "priority", mode == PredictMode.TRIAGE ? "expedite" : "", "refer", "shift", "qc"));
        int i = 1;
        for (StudyResult r : result.studies()) {
            if (r.error() != null) {
                b.append(String.format(Locale.ROOT, "%-4d %-" + ID_WIDTH + "s error: %s%n", i++, clip(r.id()), r.error()));
                continue;
            }
            b.append(String.format(Locale.ROOT, "%-4d %-" + ID_WIDTH + "s %-12s %6.3f %8s %-8s %-6s %-6s %s%n", i++,
                    clip(r.id()), clip(r.label()), r.confidence(), r.priority() == null ? "-" : String.format(Locale.ROOT,
                    "%.3f", r.priority()), mode == PredictMode.TRIAGE ? flag(r.expedite(), "YES") : "",
                    flag(r.refer(), "REFER"), flag(r.shiftFlag(), "SHIFT"),
                    r.qc().stream().map(QcFlag::check).collect(Collectors.joining(","))));
        }
        long expedite = result.studies().stream().filter(r -> Boolean.TRUE.equals(r.expedite())).count();
        long refer = result.studies().stream().filter(r -> Boolean.TRUE.equals(r.refer())).count();
        long failed = result.studies().stream().filter(r -> r.error() != null).count();
        b.append(String.format(Locale.ROOT, "%d studies: %d to expedite, %d referred to standard review, %d failed%n",
                result.studies().size(), expedite, refer, failed));
        for (String w : result.warnings()) {
            b.append("warning: ").append(w).append('\n');
        }
        return b.toString();
    }

    private static String flag(Boolean v, String yes) {
        return v == null ? "-" : v ? yes : "no";
    }

    private static String clip(String s) {
        return s.length() <= ID_WIDTH ? s : "..." + s.substring(s.length() - ID_WIDTH + 3);
    }
}
