package attndx.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality-control results of a dataset.
 *
 * @param config the thresholds used
 * @param results one result per sample, in dataset order
 */
public record QcReport(QcConfig config, List<Result> results) {

    /**
     * One sample's checks.
     *
     * @param id sample id
     * @param source where the sample came from
     * @param flags failed checks (empty when the image passed)
     */
    public record Result(String id, String source, List<QcFlag> flags) {
        public Result {
            flags = List.copyOf(flags);
        }

        /** Whether any check failed. */
        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    public QcReport {
        results = List.copyOf(results);
    }

    /** Number of flagged samples. */
    public int flaggedCount() {
        return (int) results.stream().filter(Result::flagged).count();
    }

    /** Number of samples flagged by each check, by check name. */
    public Map<String, Integer> countsByCheck() {
        Map<String, Integer> out = new TreeMap<>();
        results.forEach(r -> r.flags().forEach(f -> out.merge(f.check(), 1, Integer::sum)));
        return out;
    }
}
