package attndx.bench;

import ai.djl.pytorch.jni.JniUtils;
import attndx.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where libtorch spends the time of some work: the engine's profiler records every operator it runs
 * (a Chrome trace, openable in chrome://tracing or Perfetto), and the trace is reduced to the <em>self</em>
 * time of each operator name (its duration minus that of the operators it called), per call of the work.
 * Java-side time between operators is not in it.
 */
public final class OpProfile {
    private OpProfile() {}

    /** One operator name: calls and self milliseconds per call of the profiled work. */
    public record Op(String name, double calls, double selfMs) {}

    /** An operator still running at the current event: its end and its name's {self us, calls} totals. */
    private record Open(double end, double[] total) {}

    /** Runs {@code work} {@code calls} times under the profiler; writes the trace to {@code trace}. */
    public static List<Op> record(Runnable work, int calls, Path trace) throws IOException {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be >= 1, got " + calls);
        }
        Files.createDirectories(trace.toAbsolutePath().getParent());
        JniUtils.startProfile(false, false, false);
        try {
            for (int i = 0; i < calls; i++) {
                work.run();
            }
        } finally {
            JniUtils.stopProfile(trace.toString());
        }
        return selfTimes(Json.mapper().readTree(trace.toFile()), calls);
    }

    /**
     * Self time per operator name of a Chrome trace (complete events, {@code "ph": "X"}, microseconds),
     * divided by {@code calls}; largest first. Events nest by time within each thread.
     */
    static List<Op> selfTimes(JsonNode trace, int calls) {
        JsonNode events = trace.isArray() ? trace : trace.path("traceEvents");
        Map<String, List<JsonNode>> byThread = new HashMap<>();
        for (JsonNode e : events) {
            if ("X".equals(e.path("ph").asText())) {
                byThread.computeIfAbsent(e.path("pid").asText() + "/" + e.path("tid").asText(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        Map<String, double[]> totals = new HashMap<>();
        for (List<JsonNode> thread : byThread.values()) {
            thread.sort(Comparator.comparingDouble((JsonNode e) -> e.path("ts").asDouble())
                    .thenComparing(e -> -e.path("dur").asDouble()));
            Deque<Open> open = new ArrayDeque<>();
            for (JsonNode e : thread) {
                double ts = e.path("ts").asDouble();
                double dur = e.path("dur").asDouble();
                while (!open.isEmpty() && open.peek().end() <= ts) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    open.peek().total()[0] -= dur; // the caller's self time excludes this operator
                }
                double[] t = totals.computeIfAbsent(e.path("name").asText(), k -> new double[2]);
                t[0] += dur;
                t[1]++;
                open.push(new Open(ts + dur, t));
            }
        }
        List<Op> ops = new ArrayList<>();
        totals.forEach((name, t) -> ops.add(new Op(name, t[1] / calls, t[0] / 1000.0 / calls)));
        ops.sort(Comparator.comparingDouble(Op::selfMs).reversed());
        return ops;
    }

    /** The first {@code top} operators as lines: self ms per call, share of all self time, calls, name. */
    public static String format(List<Op> ops, int top) {
        double total = ops.stream().mapToDouble(Op::selfMs).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %9s %6s %7s  %s (self time of %.1f ms per call)%n",
                "ms/call", "share", "calls", "operator", total));
        for (Op op : ops.subList(0, Math.min(top, ops.size()))) {
            sb.append(String.format(Locale.ROOT, "  %9.1f %5.1f%% %7.0f  %s%n", op.selfMs(), 100 * op.selfMs() / total,
                    op.calls(), op.name()));
        }
        return sb.toString();
    }
}
