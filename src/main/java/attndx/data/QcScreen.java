package attndx.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Quality control applied to a command's data (seed section 7.8): every image is checked by
 * {@link QualityControl}; with {@link QcPolicy#EXCLUDE} the flagged ones are left out, with
 * {@link QcPolicy#FLAG} all are kept. Either way the result says how many images each check flagged,
 * so an exclusion is never silent.
 */
public final class QcScreen {
    private QcScreen() {}

    /**
     * The screened data and what was flagged.
     *
     * @param dataset the data to use (without the flagged images under EXCLUDE)
     * @param policy the policy applied
     * @param checked images checked
     * @param flagged images that failed at least one check
     * @param byCheck images failing each check, by check name (an image can fail several)
     */
    public record Result(Dataset dataset, QcPolicy policy, int checked, int flagged, Map<String, Integer> byCheck) {
        public Result {
            byCheck = Map.copyOf(byCheck);
        }

        /** Images left out (0 under FLAG). */
        public int excluded() {
            return policy == QcPolicy.EXCLUDE ? flagged : 0;
        }

        /** One line for the user, e.g. "QC exclude: 2 of 40 images excluded (blurred 1, low-contrast 1)". */
        public String summary() {
            String verb = policy == QcPolicy.EXCLUDE ? "excluded" : "flagged and kept";
            String rules = byCheck.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "QC %s: %d of %d images %s%s", policy.name().toLowerCase(Locale.ROOT),
                    flagged, checked, verb, rules.isEmpty() ? "" : " (by check: " + rules + ")");
        }
    }

    /** Checks every image of {@code data} with {@code config} and applies {@code policy}. */
    public static Result apply(Dataset data, QcConfig config, QcPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        QcReport report = new QualityControl(config).check(data);
        Set<Integer> bad = new HashSet<>();
        for (int i = 0; i < report.results().size(); i++) {
            if (report.results().get(i).flagged()) {
                bad.add(i);
            }
        }
        Dataset kept = data;
        if (policy == QcPolicy.EXCLUDE && !bad.isEmpty()) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (!bad.contains(i)) {
                    samples.add(data.get(i));
                }
            }
            kept = new InMemoryDataset(data.info(), samples);
        }
        return new Result(kept, policy, data.size(), bad.size(), report.countsByCheck());
    }
}
