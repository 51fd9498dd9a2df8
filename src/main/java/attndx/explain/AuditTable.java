package attndx.explain;

import attndx.explain.eval.Faithfulness;
import attndx.explain.eval.LocalisationCheck;
import attndx.explain.eval.Stability;
import attndx.explain.eval.Summary;
import java.util.Locale;
import java.util.Map;

/** The printed summary of an audit: one row per method on the same images, then the shortcut verdict. */
public final class AuditTable {
    private AuditTable() {}

    public static String format(AuditReport r) {
        StringBuilder b = new StringBuilder();
        r.warnings().forEach(w -> b.append("warning: ").append(w).append('\n'));
        b.append(String.format(Locale.ROOT, "audit of %d images%n", r.images()));
        b.append(String.format(Locale.ROOT, "%-14s %9s %9s %6s %8s %8s %8s %9s %7s%n", "method", "deletion",
                "insertion", ">rand", "pointing", "iou@10%", "energy", "stability", "sanity"));
        for (String m : r.methods()) {
            Faithfulness.Result f = r.faithfulness() == null ? null : r.faithfulness().get(m);
            LocalisationCheck.Result l = r.localisation() == null ? null : r.localisation().methods().get(m);
            Stability.Result s = r.stability() == null ? null : r.stability().get(m);
            SanityChecks.Result sc = r.sanity() == null ? null : r.sanity().get(m);
            b.append(String.format(Locale.ROOT, "%-14s %9s %9s %6s %8s %8s %8s %9s %7s%n", m,
                    f == null ? "-" : num(f.deletion().area().mean()), f == null ? "-" : num(f.insertion().area().mean()),
                    f == null || m.equals(Methods.RANDOM) ? "-" : (f.beatsRandom() ? "yes" : "no"),
                    mean(l, "pointing"), mean(l, "iou@top10%"), mean(l, "energy"),
                    s == null ? "-" : num(s.s().get("overall").mean()),
                    sc == null ? "-" : (sc.failed() ? "FAIL" : "pass")));
        }
        if (r.sanity() != null && r.sanity().containsKey(Methods.EDGE)) {
            b.append(String.format(Locale.ROOT, "%-14s %9s %9s %6s %8s %8s %8s %9s %7s%n", Methods.EDGE + " (ref)", "-",
                    "-", "-", "-", "-", "-", "-", r.sanity().get(Methods.EDGE).failed() ? "FAIL" : "pass"));
        }
        if (r.localisation() != null && r.localisation().reason() != null) {
            b.append("localisation: ").append(r.localisation().reason()).append('\n');
        }
        if (r.shortcut() != null) {
            b.append("shortcut: ").append(r.shortcut().reason()).append('\n');
        }
        return b.toString();
    }

    private static String mean(LocalisationCheck.Result l, String score) {
        if (l == null) {
            return "-";
        }
        Map<String, Summary> s = l.scores();
        return s.containsKey(score) ? num(s.get(score).mean()) : "-";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }
}
