package attndx.bench;

import attndx.core.AttndxException;
import attndx.data.PhantomConfig;
import attndx.data.Phantom;
import attndx.data.PngWriter;
import attndx.bench.MemoryStats;
import attndx.serve.ApiServer;
import attndx.serve.DiagnosisService;
import attndx.serve.ServeConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code attndx bench serve}: a load test of {@code attndx serve} on loopback only, bounded in requests and time.
 * The server runs in this process on a free port; {@code concurrency} clients POST phantom PNGs (16 different
 * images in turn) until {@code requests} are answered or {@code maxSeconds} pass. Reports latency percentiles
 * (nearest rank), throughput, the status codes, and the process RSS after the warm-up, halfway and at the end.
 */
public final class ServeBenchmark {
    private static final String BOUNDARY = "attndx-bench-boundary";

    private ServeBenchmark() {}

    /**
     * The load.
     *
     * @param modelDir model to serve
     * @param requests timed requests, in [1, 1000000]
     * @param concurrency clients at once, in [1, 256]
     * @param warmup untimed requests before, in [0, 100000]
     * @param maxSeconds bound on the timed phase, &gt; 0
     * @param workers server workers, in [1, 64]
     * @param explain the maps each request asks for ("" = the API default: every map the model has)
     */
    public record Load(Path modelDir, int requests, int concurrency, int warmup, double maxSeconds, int workers,
            String explain) {
        public Load {
            if (requests < 1 || requests > 1_000_000) {
                throw new IllegalArgumentException("requests must be in [1, 1000000], got " + requests);
            }
            if (concurrency < 1 || concurrency > 256) {
                throw new IllegalArgumentException("concurrency must be in [1, 256], got " + concurrency);
            }
            if (warmup < 0 || warmup > 100_000) {
                throw new IllegalArgumentException("warmup must be in [0, 100000], got " + warmup);
            }
            if (!(maxSeconds > 0)) {
                throw new IllegalArgumentException("maxSeconds must be > 0, got " + maxSeconds);
            }
        }
    }

    /** What the load measured (latencies in milliseconds, RSS in KiB). */
    public record Result(int answered, int ok, Map<Integer, Integer> statuses, double seconds, double perSecond,
            double p50, double p95, double p99, double max, long rssAfterWarmupKb, long rssHalfwayKb, long rssAfterKb,
            boolean timeBound) {}

    /** Runs the load and returns its figures. */
    public static Result run(Load load) throws InterruptedException {
        List<byte[]> bodies = Phantom.generate(PhantomConfig.defaults().withCount(16, 7)).samples().stream()
                .map(s -> multipart(PngWriter.encode(s.image(), 8))).toList();
        ServeConfig cfg = new ServeConfig("127.0.0.1", 0, ServeConfig.DEFAULT_MAX_UPLOAD, ServeConfig.DEFAULT_MAX_SIDE,
                load.workers(), load.concurrency());
        try (DiagnosisService service = DiagnosisService.load(load.modelDir());
                ApiServer server = ApiServer.start(service, load.modelDir(), cfg)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/predict"
                    + (load.explain().isEmpty() ? "" : "?explain=" + load.explain()));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            phase(client, uri, bodies, 0, load.warmup(), load.concurrency(), Double.MAX_VALUE, null, null);
            long rss0 = MemoryStats.requireRssKb();
            long[] nanos = new long[load.requests()];
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            long t0 = System.nanoTime();
            // Two halves, RSS read between them: growth in the first half only is the heap and the allocator
            // settling, growth in both a leak.
            int half = load.requests() / 2;
            int answered = phase(client, uri, bodies, 0, half, load.concurrency(), load.maxSeconds(), nanos, statuses);
            long rssHalf = MemoryStats.requireRssKb();
            double left = load.maxSeconds() - (System.nanoTime() - t0) / 1e9;
            answered += left <= 0 ? 0 : phase(client, uri, bodies, half, load.requests(), load.concurrency(), left, nanos,
                    statuses);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rss1 = MemoryStats.requireRssKb();
            long[] done = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
            return new Result(answered, statuses.getOrDefault(200, 0), new TreeMap<>(statuses), seconds,
                    answered / seconds, rank(done, 0.50), rank(done, 0.95), rank(done, 0.99), rank(done, 1.0), rss0,
                    rssHalf, rss1, answered < load.requests());
        }
    }

    /** Sends requests {@code from} to {@code count - 1} from {@code concurrency} clients; returns how many were answered. */
    private static int phase(HttpClient client, URI uri, List<byte[]> bodies, int from, int count, int concurrency,
            double maxSeconds, long[] nanos, Map<Integer, Integer> statuses) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger answered = new AtomicInteger();
        long deadline = System.nanoTime() + (long) Math.min(maxSeconds * 1e9, Long.MAX_VALUE / 2.0);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    HttpRequest r = HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary="
                            + BOUNDARY).POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build();
                    long s = System.nanoTime();
                    int status;
                    try {
                        status = client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (java.io.IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (nanos != null) {
                        nanos[i] = System.nanoTime() - s;
                        statuses.merge(status, 1, Integer::sum);
                    }
                    answered.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination((long) Math.min(maxSeconds + 120, 86_400), TimeUnit.SECONDS)) {
            clients.shutdownNow();
            throw new AttndxException("bench serve: clients did not finish within " + (maxSeconds + 120) + " s");
        }
        return answered.get();
    }

    private static double rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static byte[] multipart(byte[] png) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + ApiServer.FIELD
                + "\"; filename=\"phantom.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(png);
        b.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }
}
