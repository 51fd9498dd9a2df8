package attndx.core;

import ai.djl.engine.Engine;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where an artifact (model, calibration, evaluation, report) came from: the resolved config,
 * a fingerprint of the data, the seed, the code and engine versions and the time. Every artifact
 * AttnDx writes carries one, so a result can always be traced back to what produced it.
 *
 * @param kind what the artifact is (e.g. "model", "evaluation")
 * @param config the resolved configuration, as plain JSON-compatible values
 * @param dataFingerprint a hash of the data the artifact was derived from ("" when none)
 * @param seed the random seed used (or -1 when randomness played no part)
 * @param codeVersion AttnDx version
 * @param djlVersion DJL version
 * @param engineVersion engine name and version (e.g. "PyTorch 2.7.1")
 * @param createdAt ISO-8601 instant
 */
public record Provenance(String kind, Map<String, Object> config, String dataFingerprint, long seed,
        String codeVersion, String djlVersion, String engineVersion, String createdAt) {

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        config = config == null ? Map.of() : withoutNulls(config);
        dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
    }

    /** An unmodifiable copy in the same order; absent settings (null values) are left out. */
    private static Map<String, Object> withoutNulls(Map<String, Object> config) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Captures versions and the current time for a new artifact. */
    public static Provenance capture(String kind, Map<String, Object> config, String dataFingerprint, long seed) {
        return new Provenance(kind, config, dataFingerprint, seed, Version.attndx(), Version.djl(),
                Version.engine(), Instant.now().toString());
    }

    /** The versions of AttnDx and the engine in this process. */
    public static final class Version {
        private Version() {}

        /** AttnDx version from the jar manifest, or "dev" when running from classes. */
        public static String attndx() {
            String v = Provenance.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        /** DJL version. */
        public static String djl() {
            return Engine.getDjlVersion();
        }

        /** Engine name and version, loading the engine if needed. */
        public static String engine() {
            Engine e = Engine.getInstance();
            return e.getEngineName() + " " + e.getVersion();
        }
    }
}
