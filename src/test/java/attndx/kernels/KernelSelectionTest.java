package attndx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which components a verdict turns on, on hand-made verdicts; modes and their parsing. */
class KernelSelectionTest {
    private static final MachineSignature MACHINE = new MachineSignature("v", "1", "2", "cpu", "avx2", "none reported",
            "2", "PyTorch 2.7.1", "dev", MachineSignature.PROBE_VERSION);

    private static ComponentVerdict ok(KernelComponent c, double fast, double plain) {
        return new ComponentVerdict(c, true, "", fast, plain);
    }

    private static ProbeVerdict verdict(ComponentVerdict... vs) {
        Map<KernelComponent, ComponentVerdict> m = new EnumMap<>(KernelComponent.class);
        for (ComponentVerdict v : vs) {
            m.put(v.component(), v);
        }
        return new ProbeVerdict(MACHINE, m, "now", 1);
    }

    @Test
    void everythingAdmittedAndFasterRunsEverything() {
        Set<KernelComponent> on = KernelSelection.choose(verdict(ok(KernelComponent.BLOCKED, 0.8, 1.0),
                ok(KernelComponent.WINOGRAD, 0.6, 0.8), ok(KernelComponent.BF16, 0.4, 0.8),
                ok(KernelComponent.FUSED_ADAM, Double.NaN, Double.NaN), ok(KernelComponent.CHANNELS_LAST, 0.9, 1.0)));
        assertEquals(Set.of(KernelComponent.values()), on);
    }

    @Test
    void aKernelClearlySlowerThanWhatItReplacesIsLeftOutButNoiseIsNot() {
        Set<KernelComponent> on = KernelSelection.choose(verdict(ok(KernelComponent.BLOCKED, 1.05, 1.0),
                ok(KernelComponent.WINOGRAD, 1.2, 1.05), ok(KernelComponent.CHANNELS_LAST, 1.2, 1.0)));
        // Blocked 5% slower: within the noise margin, kept; Winograd 14% and channels-last 20% slower: left out.
        assertEquals(Set.of(KernelComponent.BLOCKED), on);
        KernelSelection s = new KernelSelection(KernelMode.AUTO, on, verdict(ok(KernelComponent.BLOCKED, 1.05, 1.0),
                ok(KernelComponent.WINOGRAD, 1.2, 1.05), ok(KernelComponent.CHANNELS_LAST, 1.2, 1.0)), "test");
        assertEquals("admitted, but timed 20% slower than the path it replaces here",
                s.whyNot(KernelComponent.CHANNELS_LAST));
        assertEquals(InferenceKernels.ONEDNN, s.inference());
    }

    @Test
    void aRequiredKernelRunsHoweverSlowItWasTimed() {
        // The probe reports an infinite plain time where the plain path computed wrong gradients.
        Set<KernelComponent> on = KernelSelection.choose(verdict(
                new ComponentVerdict(KernelComponent.CHANNELS_LAST, true, KernelProbe.REQUIRED, 9.0,
                        Double.POSITIVE_INFINITY)));
        assertTrue(on.contains(KernelComponent.CHANNELS_LAST), on.toString());
    }

    @Test
    void blockedSlowerThanDjlButWinogradFasterRunsBoth() {
        Set<KernelComponent> on = KernelSelection.choose(verdict(ok(KernelComponent.BLOCKED, 1.3, 1.0),
                ok(KernelComponent.WINOGRAD, 0.7, 1.3)));
        assertEquals(Set.of(KernelComponent.BLOCKED, KernelComponent.WINOGRAD), on);
    }

    @Test
    void refusedBlockedTurnsOffEverythingBuiltOnIt() {
        ProbeVerdict v = verdict(ComponentVerdict.refused(KernelComponent.BLOCKED, "crashed in the probe: SIGFPE"),
                ok(KernelComponent.WINOGRAD, 0.5, 1.0), ok(KernelComponent.BF16, 0.5, 1.0),
                ok(KernelComponent.FUSED_ADAM, Double.NaN, Double.NaN));
        KernelSelection s = new KernelSelection(KernelMode.AUTO, KernelSelection.choose(v), v, "test");
        assertEquals(InferenceKernels.DJL, s.inference());
        assertFalse(s.uses(KernelComponent.WINOGRAD));
        assertFalse(s.uses(KernelComponent.BF16));
        assertTrue(s.uses(KernelComponent.FUSED_ADAM));
        assertEquals("mixed", s.label());
        assertTrue(s.line().startsWith("kernels: mixed (fused Adam; oneDNN blocked: refused by the kernel probe: crashed"
                + " in the probe: SIGFPE;"), s.line());
        assertEquals("refused by the kernel probe: not probed", s.whyNot(KernelComponent.CHANNELS_LAST));
    }

    @Test
    void plainAndFastNeedNoProbe() {
        KernelSelection plain = KernelSelection.resolve(KernelMode.PLAIN, null, null);
        assertEquals("plain", plain.label());
        assertEquals(InferenceKernels.DJL, plain.inference());
        assertEquals("--kernels plain", plain.whyNot(KernelComponent.FUSED_ADAM));
        assertTrue(plain.verdict().isEmpty());
        assertEquals("fast", KernelSelection.resolve(KernelMode.FAST, null, null).label());
    }

    @Test
    void modesParseCaseInsensitivelyAndBadOnesNameTheirSource() {
        assertEquals(KernelMode.PLAIN, KernelMode.parse(" Plain ", "--kernels"));
        AttndxException e = assertThrows(AttndxException.class, () -> KernelMode.parse("turbo", "ATTNDX_KERNELS"));
        assertEquals("ATTNDX_KERNELS must be one of auto, plain, fast; got 'turbo'", e.getMessage());
    }
}
