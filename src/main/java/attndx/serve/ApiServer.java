package attndx.serve;

import attndx.core.Json;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code attndx serve}: the HTTP API and the web viewer on an embedded Javalin (Jetty) server.
 * {@code POST /api/v1/predict} (multipart field {@code image}: PNG, JPEG or DICOM; optional field or query
 * parameter {@code explain=attention,grad-cam}), {@code GET /api/v1/model}, {@code GET /health}, the viewer at
 * {@code /}. Every refused request is a JSON {@code {"status": code, "error": message}}; handlers only parse and
 * format, {@link UploadPredictor} does the work.
 */
public final class ApiServer implements AutoCloseable {
    /** The multipart field holding the image. */
    public static final String FIELD = "image";
    private static final Set<String> DECLARED_TYPES = Set.of("image/png", "image/jpeg", "image/jpg", "application/dicom",
            "application/octet-stream", "");
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private final Javalin app;
    private final InferencePool pool;

    private ApiServer(Javalin app, InferencePool pool) {
        this.app = app;
        this.pool = pool;
    }

    /** Starts serving {@code service}'s model (loaded from {@code modelDir}) with {@code cfg}. */
    public static ApiServer start(DiagnosisService service, Path modelDir, ServeConfig cfg) {
        InferencePool pool = new InferencePool(service, cfg.workers(), cfg.queue(), 1);
        UploadPredictor predictor = new UploadPredictor(service, pool, new UploadDecoder(cfg.maxUploadBytes(), cfg.maxSide()));
        ModelCard card = ModelCard.of(service, modelDir);
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            c.staticFiles.add("/attndx/serve/web", Location.CLASSPATH);
            c.jetty.multipartConfig.maxFileSize(cfg.maxUploadBytes(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(cfg.maxUploadBytes() + 64 * 1024, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(cfg.maxUploadBytes(), Integer.MAX_VALUE), SizeUnit.BYTES);
            // Requests beyond the workers and the queue are answered 503 by the pool; the HTTP threads only bound
            // how many uploads are held in memory at once.
            c.jetty.threadPool = new QueuedThreadPool(Math.max(32, cfg.workers() + cfg.queue() + 16), 8);
        });
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("model", card.preset());
        health.put("workers", cfg.workers());
        app.get("/health", ctx -> ctx.json(health));
        app.get("/api/v1/model", ctx -> ctx.json(card));
        app.post("/api/v1/predict", ctx -> ctx.json(predictor.predict(upload(ctx, cfg), fileName(ctx), explanations(ctx))));
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e);
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        app.start(cfg.host(), cfg.port());
        return new ApiServer(app, pool);
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        return app.port();
    }

    private static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        ctx.status(status).json(body);
    }

    private static byte[] upload(Context ctx, ServeConfig cfg) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "expected a multipart/form-data upload with the image in field '" + FIELD
                    + "', got content type '" + type + "'");
        }
        if (ctx.contentLength() > cfg.maxUploadBytes() + 64 * 1024) {
            throw new ApiException(413, "the request is " + ctx.contentLength() + " bytes, the upload limit is "
                    + cfg.maxUploadBytes());
        }
        UploadedFile f = file(ctx, cfg.maxUploadBytes());
        String declared = f.contentType() == null ? "" : f.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!DECLARED_TYPES.contains(declared.split(";")[0].trim())) {
            throw new ApiException(415, "field '" + FIELD + "' is declared as '" + declared
                    + "'; expected image/png, image/jpeg or application/dicom");
        }
        try (InputStream in = f.content()) {
            return in.readNBytes((int) cfg.maxUploadBytes() + 1);
        } catch (IOException e) {
            throw new ApiException(400, "cannot read the upload: " + e.getMessage(), e);
        }
    }

    private static UploadedFile file(Context ctx, long limit) {
        Map<String, List<UploadedFile>> files;
        try {
            files = ctx.uploadedFileMap();
        } catch (Exception e) {
            // Jetty refuses a part above the multipart limits, or a malformed body, while parsing it (its
            // IOException passes through Javalin's Kotlin code undeclared).
            String m = String.valueOf(e.getMessage());
            if (m.contains("exceeds")) {
                throw new ApiException(413, "the upload exceeds the limit of " + limit + " bytes (" + m + ")", e);
            }
            throw new ApiException(400, "cannot read the multipart upload: " + m, e);
        }
        List<UploadedFile> f = files.get(FIELD);
        if (f == null || f.isEmpty()) {
            throw new ApiException(400, "no file in multipart field '" + FIELD + "'"
                    + (files.isEmpty() ? "" : "; the request has file fields " + files.keySet()));
        }
        return f.get(0);
    }

    private static String fileName(Context ctx) {
        UploadedFile f = ctx.uploadedFile(FIELD);
        String n = f == null || f.filename() == null || f.filename().isBlank() ? "upload" : f.filename();
        String clean = n.replaceAll("\\p{Cntrl}", "_").replace('\\', '/');
        String base = clean.substring(clean.lastIndexOf('/') + 1);
        return base.isEmpty() ? "upload" : base;
    }

    private static Set<Explanation> explanations(Context ctx) {
        String v = ctx.formParam("explain") != null ? ctx.formParam("explain") : ctx.queryParam("explain");
        if (v == null || v.isBlank()) {
            return null;
        }
        Set<Explanation> out = EnumSet.noneOf(Explanation.class);
        try {
            Arrays.stream(v.split(",")).map(Explanation::parse).forEach(out::add);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage(), e);
        }
        return out;
    }

    /** Stops the server, then the workers. */
    @Override
    public void close() {
        app.stop();
        pool.close();
    }
}
