package attndx.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders assessed studies for a {@link PredictMode}: triage puts the studies to expedite first, then the rest by
 * decreasing priority, studies without a priority and failed studies last (each group in input order); second
 * read keeps the input order.
 */
public final class Worklist {
    private Worklist() {}

    /** {@code results} ordered for {@code mode} (a new list). */
    public static List<StudyResult> order(List<StudyResult> results, PredictMode mode) {
        List<StudyResult> out = new ArrayList<>(results);
        if (mode == PredictMode.TRIAGE) {
            // List.sort is stable, so ties keep the input order.
            out.sort(Comparator.comparingInt(Worklist::group)
                    .thenComparing(r -> r.priority() == null ? 0 : -r.priority()));
        }
        return out;
    }

    private static int group(StudyResult r) {
        if (r.error() != null) {
            return 3;
        }
        if (Boolean.TRUE.equals(r.expedite())) {
            return 0;
        }
        return r.priority() == null ? 2 : 1;
    }
}
