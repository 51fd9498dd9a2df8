package attndx.cli;

import attndx.kernels.ComponentVerdict;
import attndx.kernels.KernelComponent;
import attndx.kernels.KernelSelection;
import attndx.kernels.MachineSignature;
import attndx.kernels.ProbeCache;
import attndx.kernels.ProbeVerdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code attndx doctor}: the machine, the kernel probe's verdict per kernel, what runs, where the cache is. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Shows this machine, the kernel probe's verdict for each fast kernel, the kernels a command"
        + " runs here and where the verdict is cached.")
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--reprobe", description = "Probe again now (in a child process) and replace the cached verdict.")
    boolean reprobe;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        ProbeCache cache = ProbeCache.standard();
        MachineSignature machine = MachineSignature.current();
        w.println("machine: " + machine.describe());
        w.println("flags:   " + machine.flags());
        ProbeVerdict verdict;
        if (reprobe || cache.read(machine).isEmpty()) {
            w.println("probing the fast kernels in a child process ...");
            w.flush();
            verdict = KernelSelection.standardProbe().run(List.of(KernelComponent.values()));
            w.println(cache.write(verdict).orElse("verdict cached in " + cache.file(machine)));
        } else {
            verdict = cache.read(machine).orElseThrow();
            w.println("verdict of " + verdict.probedAt() + ", cached in " + cache.file(machine));
        }
        w.printf(Locale.ROOT, "%-24s %-9s %-12s %-12s %s%n", "kernel", "verdict", "s/call", "replaced", "reason");
        for (KernelComponent c : KernelComponent.values()) {
            ComponentVerdict v = verdict.of(c);
            w.printf(Locale.ROOT, "%-24s %-9s %-12s %-12s %s%n", c.title(), v.admitted() ? "admitted" : "refused",
                    seconds(v.fastSeconds()), seconds(v.plainSeconds()), v.reason());
        }
        w.println(KernelSelection.resolve(KernelSelection.requestedMode(), cache, KernelSelection.standardProbe()).line());
        w.flush();
        return 0;
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.4f", s);
    }
}
