package attndx.kernels;

/**
 * What the probe found for one {@link KernelComponent}: admitted or not, why not, and the seconds per call
 * it measured for the component and for the plain path it would replace (NaN where nothing was timed).
 *
 * @param reason when refused, what failed, e.g. "crashed in the probe: SIGFPE in libtorch_cpu.so"; when admitted,
 *     empty, or why the component is required (the plain path's time is then infinite: it computed wrong results)
 */
public record ComponentVerdict(KernelComponent component, boolean admitted, String reason, double fastSeconds,
        double plainSeconds) {
    public ComponentVerdict {
        if (component == null) {
            throw new IllegalArgumentException("component must not be null");
        }
        reason = reason == null ? "" : reason;
    }

    /** A refusal with its reason and nothing timed. */
    public static ComponentVerdict refused(KernelComponent component, String reason) {
        return new ComponentVerdict(component, false, reason, Double.NaN, Double.NaN);
    }
}
