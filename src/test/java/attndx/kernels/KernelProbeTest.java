package attndx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe, its cache and the fallback without a broken CPU: the test-only simulation makes a component's
 * check in the child halt the JVM as a native crash does, hang, or disagree with the plain path.
 */
class KernelProbeTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearSimulation() {
        System.clearProperty(ProbeChild.SIMULATE);
    }

    private static KernelProbe probe(int seconds) {
        return new KernelProbe(Duration.ofSeconds(seconds));
    }

    @Test
    void aCrashingKernelIsRefusedWithTheExitStatusAndTheParentFallsBackToPlainInference() {
        System.setProperty(ProbeChild.SIMULATE, "blocked=crash");
        ProbeVerdict v = probe(60).run(List.of(KernelComponent.BLOCKED, KernelComponent.WINOGRAD,
                KernelComponent.FUSED_ADAM));
        assertFalse(v.admits(KernelComponent.BLOCKED));
        assertTrue(v.of(KernelComponent.BLOCKED).reason().startsWith("crashed in the probe (exit status 134, SIGABRT)"),
                v.of(KernelComponent.BLOCKED).reason());
        assertEquals("needs oneDNN blocked, which was refused", v.of(KernelComponent.WINOGRAD).reason());
        // The child that crashed was replaced by a fresh one for the rest, which ran the real check.
        assertTrue(v.admits(KernelComponent.FUSED_ADAM), v.of(KernelComponent.FUSED_ADAM).reason());
        KernelSelection s = new KernelSelection(KernelMode.AUTO, KernelSelection.choose(v), v, "test");
        assertEquals(InferenceKernels.DJL, s.inference());
        assertTrue(s.line().contains("oneDNN blocked: refused by the kernel probe: crashed in the probe"), s.line());
    }

    @Test
    void aHangingKernelIsTimedOutAndTheNextRunsInAFreshChild() {
        System.setProperty(ProbeChild.SIMULATE, "fused_adam=hang,channels_last=wrong");
        long t0 = System.nanoTime();
        ProbeVerdict v = probe(8).run(List.of(KernelComponent.FUSED_ADAM, KernelComponent.CHANNELS_LAST));
        assertEquals("hung in the probe (no answer within 8 s)", v.of(KernelComponent.FUSED_ADAM).reason());
        assertEquals("disagrees with the plain path (simulated)", v.of(KernelComponent.CHANNELS_LAST).reason());
        assertTrue((System.nanoTime() - t0) / 1e9 < 60, "the hanging child must be killed at the time limit");
    }

    @Test
    void aCorruptCacheIsIgnoredAndRewrittenAndTheNextStartReadsIt() throws IOException {
        System.setProperty(ProbeChild.SIMULATE, "blocked=wrong,fused_adam=wrong,channels_last=wrong");
        ProbeCache cache = new ProbeCache(dir);
        MachineSignature machine = MachineSignature.current();
        Files.writeString(cache.file(machine), "{\"machine\": 12, garbage");
        assertTrue(cache.read(machine).isEmpty());
        KernelSelection first = KernelSelection.resolve(KernelMode.AUTO, cache, probe(60));
        assertEquals("plain", first.label());
        assertTrue(first.line().contains("probed now"), first.line());
        assertTrue(cache.read(machine).isPresent(), "the corrupt file must be replaced by the verdict");
        // Now a probe would find everything fine: the cached refusals must win, no child is started.
        System.clearProperty(ProbeChild.SIMULATE);
        KernelSelection second = KernelSelection.resolve(KernelMode.AUTO, cache, probe(60));
        assertEquals("plain", second.label());
        assertTrue(second.line().contains("cached in " + cache.file(machine)), second.line());
    }

    @Test
    void anUnwritableCacheFolderOnlyCostsAProbeNextTime() throws IOException {
        System.setProperty(ProbeChild.SIMULATE, "blocked=wrong,fused_adam=wrong,channels_last=wrong");
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        ProbeCache cache = new ProbeCache(blocker.resolve("attndx"));
        KernelSelection s = KernelSelection.resolve(KernelMode.AUTO, cache, probe(60));
        assertEquals(InferenceKernels.DJL, s.inference());
        assertTrue(s.line().contains("not cached: cannot write the kernel cache"), s.line());
    }
}
