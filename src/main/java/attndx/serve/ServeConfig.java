package attndx.serve;

import attndx.kernels.ModelRunner;

/**
 * Settings of {@code attndx serve}.
 *
 * @param host interface to listen on (loopback by default: another host only when asked), non-blank
 * @param port TCP port, in [0, 65535] (0: any free port)
 * @param maxUploadBytes largest accepted upload, in [1, 2^31)
 * @param maxSide largest accepted image width or height in pixels, in [1, 65535]
 * @param workers predictions running at once (one {@link ModelRunner} each), in [1, 64]
 * @param queue predictions waiting for a worker beyond which requests get 503, in [0, 4096]
 */
public record ServeConfig(String host, int port, long maxUploadBytes, int maxSide, int workers, int queue) {
    /** Default upload limit, 20 MB. */
    public static final long DEFAULT_MAX_UPLOAD = 20L * 1024 * 1024;
    /** Default largest side: above any plain radiograph, and far below the memory a huge image would claim. */
    public static final int DEFAULT_MAX_SIDE = 8192;

    public ServeConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("serve.host must be a host name or address, got '" + host + "'");
        }
        check("port", port, 0, 65535);
        if (maxUploadBytes < 1 || maxUploadBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("serve.maxUploadBytes must be in [1, 2^31), got " + maxUploadBytes);
        }
        check("maxSide", maxSide, 1, 65535);
        check("workers", workers, 1, 64);
        check("queue", queue, 0, 4096);
    }

    /** Loopback, port 8080, 20 MB, 8192 px, 2 workers, 16 queued. */
    public static ServeConfig defaults() {
        return new ServeConfig("127.0.0.1", 8080, DEFAULT_MAX_UPLOAD, DEFAULT_MAX_SIDE, 2, 16);
    }

    private static void check(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException("serve." + field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
