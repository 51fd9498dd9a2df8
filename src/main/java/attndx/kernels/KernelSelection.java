package attndx.kernels;

import attndx.model.ChannelsLast;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which kernels this process runs: the kernel layer's one door. Resolved once per process, at the first use
 * (libtorch's kernels are a property of the machine and the process, not of a model): from the
 * {@link KernelMode} ({@code --kernels}, {@code -Dattndx.kernels}, {@code ATTNDX_KERNELS}; {@code auto} by
 * default) and, for {@code auto}, the {@link KernelProbe}'s verdict for this machine, read from the
 * {@link ProbeCache} or probed once in a child process and cached. Under {@code auto} a component runs
 * only when admitted, and of the admitted inference paths (DJL's operators, oneDNN blocked, blocked with
 * Winograd workers) the one the probe timed fastest here; channels-last training only where it was not
 * slower than NCHW. The first resolution prints one line on standard error saying what runs and why.
 */
public final class KernelSelection {
    /** The system property with the probe's time limit in seconds, for start-up and each component. */
    public static final String TIMEOUT_PROPERTY = "attndx.probe.timeout";
    private static final int DEFAULT_TIMEOUT_SECONDS = 120;
    /** How much slower than the path it replaces an admitted kernel may time before it is left out. */
    static final double SLOWER = 0.10;
    private static KernelSelection current;
    private static KernelMode requested;

    private final KernelMode mode;
    private final Set<KernelComponent> active;
    private final ProbeVerdict verdict;
    private final String source;

    KernelSelection(KernelMode mode, Set<KernelComponent> active, ProbeVerdict verdict, String source) {
        this.mode = mode;
        this.active = active.isEmpty() ? EnumSet.noneOf(KernelComponent.class) : EnumSet.copyOf(active);
        this.verdict = verdict;
        this.source = source;
    }

    /**
     * Asks for {@code mode} before the first use (the CLI's {@code --kernels}); later than that it must
     * equal what was resolved.
     *
     * @throws IllegalStateException when the process already runs another mode
     */
    public static synchronized void request(KernelMode mode) {
        if (current != null && current.mode != mode) {
            throw new IllegalStateException("kernels already resolved as " + current.mode.label() + ", asked for "
                    + mode.label());
        }
        requested = mode;
    }

    /** The mode {@link #current} resolves (or resolved) with: the requested one, else the environment's. */
    public static synchronized KernelMode requestedMode() {
        return current != null ? current.mode : requested != null ? requested : KernelMode.fromEnvironment();
    }

    /** This process's selection, resolving it (and probing, under {@code auto}) on the first call. */
    public static synchronized KernelSelection current() {
        if (current == null) {
            current = resolve(requestedMode(), ProbeCache.standard(), standardProbe());
            ChannelsLast.setEnabled(current.uses(KernelComponent.CHANNELS_LAST));
            System.err.println(current.line());
            if (!current.uses(KernelComponent.CHANNELS_LAST)) {
                checkNarrowChannelsLast();
            }
        }
        return current;
    }

    /**
     * Without channels-last, narrow maps still run channels-last ({@link ChannelsLast#nchw}): libtorch's NCHW input
     * gradients of such convolutions were wrong on one CPU in some processes only, so no check in this process can
     * clear them. Checked here instead: that the channels-last ones are right (against hand-computed ones, so no
     * child process is needed); where they are wrong and NCHW's are right, narrow maps run NCHW; where both are
     * wrong, a warning.
     */
    private static void checkNarrowChannelsLast() {
        if (TrainingChecks.narrowRight(true)) {
            return;
        }
        if (TrainingChecks.narrowRight(false)) {
            ChannelsLast.setNarrowRequired(false);
            System.err.println("kernels: maps under " + ChannelsLast.NARROW_CHANNELS + " channels run NCHW: libtorch's"
                    + " channels-last convolution gradients for them are wrong on this CPU");
        } else {
            System.err.println("warning: convolution gradients under " + ChannelsLast.NARROW_CHANNELS + " channels are"
                    + " wrong on this CPU in both layouts: train models of width 16 or more");
        }
    }

    /** A probe with the time limit of {@link #TIMEOUT_PROPERTY} (default 120 s). */
    public static KernelProbe standardProbe() {
        return new KernelProbe(Duration.ofSeconds(Integer.getInteger(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS)));
    }

    /** The selection for {@code mode} on this machine, with {@code cache} and {@code probe} for {@code auto}. */
    public static KernelSelection resolve(KernelMode mode, ProbeCache cache, KernelProbe probe) {
        return switch (mode) {
            case PLAIN -> new KernelSelection(mode, Set.of(), null, "asked for");
            case FAST -> new KernelSelection(mode, EnumSet.allOf(KernelComponent.class), null, "asked for, unprobed");
            case AUTO -> fromVerdict(cache, probe);
        };
    }

    private static KernelSelection fromVerdict(ProbeCache cache, KernelProbe probe) {
        MachineSignature machine = MachineSignature.current();
        Optional<ProbeVerdict> cached = cache.read(machine);
        String source;
        ProbeVerdict v;
        if (cached.isPresent()) {
            v = cached.get();
            source = "probe of " + v.probedAt() + ", cached in " + cache.file(machine);
        } else {
            System.err.println("kernels: probing the fast kernels in a child process (once per machine) ...");
            v = probe.run(List.of(KernelComponent.values()));
            source = "probed now in " + Math.round(v.probeSeconds()) + " s, "
                    + cache.write(v).map(why -> "not cached: " + why).orElse("cached in " + cache.file(machine));
        }
        return new KernelSelection(KernelMode.AUTO, choose(v), v, source);
    }

    /**
     * The components to run given a verdict: the admitted ones, except those the probe timed clearly slower
     * than what they replace here (by more than {@link #SLOWER}: five short calls a side cannot tell a few
     * percent apart, and the defaults were measured faster on the CPU they were tuned on).
     */
    static Set<KernelComponent> choose(ProbeVerdict v) {
        Set<KernelComponent> on = EnumSet.noneOf(KernelComponent.class);
        ComponentVerdict blocked = v.of(KernelComponent.BLOCKED);
        ComponentVerdict winograd = v.of(KernelComponent.WINOGRAD);
        if (blocked.admitted()) {
            boolean withWinograd = winograd.admitted() && !clearlySlower(winograd.fastSeconds(), winograd.plainSeconds());
            double best = withWinograd ? Math.min(blocked.fastSeconds(), winograd.fastSeconds()) : blocked.fastSeconds();
            if (!clearlySlower(best, blocked.plainSeconds())) {
                on.add(KernelComponent.BLOCKED);
                if (withWinograd) {
                    on.add(KernelComponent.WINOGRAD);
                }
            }
            if (v.admits(KernelComponent.BF16)) {
                on.add(KernelComponent.BF16);
            }
        }
        if (v.admits(KernelComponent.FUSED_ADAM)) {
            on.add(KernelComponent.FUSED_ADAM);
        }
        ComponentVerdict cl = v.of(KernelComponent.CHANNELS_LAST);
        if (cl.admitted() && !clearlySlower(cl.fastSeconds(), cl.plainSeconds())) {
            on.add(KernelComponent.CHANNELS_LAST);
        }
        return on;
    }

    /** Whether {@code fast} exceeds {@code plain} by more than {@link #SLOWER}; false when either is NaN. */
    private static boolean clearlySlower(double fast, double plain) {
        return fast > plain * (1 + SLOWER);
    }

    /** The mode this process runs. */
    public KernelMode mode() {
        return mode;
    }

    /** Whether {@code c} runs in this process. */
    public boolean uses(KernelComponent c) {
        return active.contains(c);
    }

    /** The probe's verdict behind an {@code auto} selection; empty for {@code plain} and {@code fast}. */
    public Optional<ProbeVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** The float32 inference backbone a runner gets by default here. */
    public InferenceKernels inference() {
        return uses(KernelComponent.BLOCKED) ? InferenceKernels.ONEDNN : InferenceKernels.DJL;
    }

    /**
     * The kernels that actually run when {@code requested} is asked for: the blocked float32 kernels only where
     * this selection runs them, else DJL's operators (bf16 is refused where not admitted, never replaced).
     */
    public InferenceKernels effective(InferenceKernels requested) {
        return requested == InferenceKernels.ONEDNN && !uses(KernelComponent.BLOCKED) ? InferenceKernels.DJL
                : requested;
    }

    /** "fast" when every component runs, "plain" when none does, else "mixed". */
    public String label() {
        return active.size() == KernelComponent.values().length ? "fast" : active.isEmpty() ? "plain" : "mixed";
    }

    /** Why {@code c} does not run ("" when it does). */
    public String whyNot(KernelComponent c) {
        if (uses(c)) {
            return "";
        }
        if (verdict == null) {
            return "--kernels " + mode.label();
        }
        ComponentVerdict cv = verdict.of(c);
        return cv.admitted() ? String.format(java.util.Locale.ROOT, "admitted, but timed %.0f%% slower than the path it"
                + " replaces here", 100 * (cv.fastSeconds() / cv.plainSeconds() - 1)) : "refused by the kernel probe: "
                + cv.reason();
    }

    /**
     * The one line printed at the first use, e.g. {@code kernels: plain (oneDNN blocked: crashed in the probe:
     * SIGFPE ...; NNPACK Winograd workers: ...)}.
     */
    public String line() {
        List<String> parts = new ArrayList<>();
        List<String> running = active.stream().map(KernelComponent::title).toList();
        parts.add(running.isEmpty() ? "DJL's operators only" : String.join(", ", running));
        for (KernelComponent c : KernelComponent.values()) {
            if (!uses(c) && verdict != null) {
                parts.add(c.title() + ": " + whyNot(c));
            }
        }
        parts.add(mode.label() + ", " + source);
        return "kernels: " + label() + " (" + String.join("; ", parts) + ")";
    }
}
