package attndx.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeSet;

/** Prints sample counts per split (rows) and label (columns) as a small table. */
final class SplitCounts {
    private SplitCounts() {}

    static void print(PrintWriter out, Map<String, Map<String, Integer>> counts) {
        TreeSet<String> labels = new TreeSet<>();
        counts.values().forEach(m -> labels.addAll(m.keySet()));
        StringBuilder header = new StringBuilder(String.format("%-6s", "split"));
        labels.forEach(l -> header.append(String.format(" %10s", l)));
        out.println(header.append(String.format(" %10s", "total")));
        counts.forEach((split, byLabel) -> {
            StringBuilder row = new StringBuilder(String.format("%-6s", split));
            labels.forEach(l -> row.append(String.format(" %10d", byLabel.getOrDefault(l, 0))));
            row.append(String.format(" %10d", byLabel.values().stream().mapToInt(Integer::intValue).sum()));
            out.println(row);
        });
    }
}
