package attndx.kernels;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The probe's findings on one machine: a {@link ComponentVerdict} per {@link KernelComponent}, the signature
 * they hold for, when they were made and how long the probe took.
 */
public record ProbeVerdict(MachineSignature machine, Map<KernelComponent, ComponentVerdict> components,
        String probedAt, double probeSeconds) {
    public ProbeVerdict {
        if (machine == null || components == null) {
            throw new IllegalArgumentException("machine and components must not be null");
        }
        EnumMap<KernelComponent, ComponentVerdict> copy = new EnumMap<>(KernelComponent.class);
        copy.putAll(components);
        components = Map.copyOf(copy);
    }

    /** The verdict for {@code c}; a component the probe never reached counts as refused. */
    public ComponentVerdict of(KernelComponent c) {
        ComponentVerdict v = components.get(c);
        return v != null ? v : ComponentVerdict.refused(c, "not probed");
    }

    /** Whether {@code c} was admitted. */
    public boolean admits(KernelComponent c) {
        return of(c).admitted();
    }

    /** The refused components and why, e.g. "oneDNN blocked: crashed in the probe: SIGFPE; ...". */
    public String refusals() {
        return components.values().stream().filter(v -> !v.admitted()).sorted((a, b) -> a.component().compareTo(
                b.component())).map(v -> v.component().title() + ": " + v.reason()).collect(Collectors.joining("; "));
    }
}
