package attndx.kernels;

import attndx.core.Engines;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The child process of {@link KernelProbe}: {@code java -cp <AttnDx> attndx.kernels.ProbeChild ID...} runs
 * the check of each named {@link KernelComponent} in turn and reports on standard output, one line each,
 * {@code attndx-probe begin ID}, then {@code attndx-probe pass ID FAST_SECONDS PLAIN_SECONDS} or
 * {@code attndx-probe fail ID REASON}. A check that crashes the process or hangs leaves its {@code begin}
 * unanswered: the parent reads that as the refusal.
 *
 * <p>For tests, {@code -Dattndx.probe.simulate=ID=crash|hang|wrong,...} makes a component's check halt the
 * JVM as a native crash would (exit status 134, as after SIGABRT), never return, or disagree with the plain
 * path, without touching any kernel.
 */
public final class ProbeChild {
    /** The line prefix of the protocol. */
    static final String PREFIX = "attndx-probe ";
    /** The system property of the test-only simulation. */
    public static final String SIMULATE = "attndx.probe.simulate";

    private ProbeChild() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Map<String, String> simulate = simulation(System.getProperty(SIMULATE, ""));
        Engines.configure();
        for (String id : args) {
            KernelComponent c = KernelComponent.byId(id);
            out.println(PREFIX + "begin " + c.id());
            out.flush();
            try {
                double[] t = run(c, simulate.get(c.id()));
                out.println(PREFIX + "pass " + c.id() + " " + t[0] + " " + t[1]);
            } catch (RuntimeException | AssertionError e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                out.println(PREFIX + "fail " + c.id() + " " + why.replace('\n', ' '));
            }
            out.flush();
        }
        System.exit(0);
    }

    /** Seconds per call of the component and of the plain path it replaces (NaN where not timed). */
    private static double[] run(KernelComponent c, String simulated) {
        if (simulated != null) {
            switch (simulated) {
                case "crash" -> Runtime.getRuntime().halt(134);
                case "hang" -> sleepForever();
                case "wrong" -> throw new IllegalStateException("disagrees with the plain path (simulated)");
                default -> throw new IllegalArgumentException("unknown simulation '" + simulated + "' for " + c.id());
            }
        }
        return switch (c) {
            case BLOCKED -> InferenceChecks.blocked();
            case WINOGRAD -> InferenceChecks.winograd();
            case BF16 -> InferenceChecks.bf16();
            case FUSED_ADAM -> TrainingChecks.fusedAdam();
            case CHANNELS_LAST -> TrainingChecks.channelsLast();
        };
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<String, String> simulation(String spec) {
        return Stream.of(spec.split(",")).map(String::trim).filter(s -> s.contains("="))
                .collect(Collectors.toMap(s -> s.substring(0, s.indexOf('=')).toLowerCase(Locale.ROOT),
                        s -> s.substring(s.indexOf('=') + 1), (a, b) -> b));
    }
}
