package attndx.cli;

import attndx.serve.ApiServer;
import attndx.serve.DiagnosisService;
import attndx.serve.ServeConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx serve}: the HTTP API and the web viewer for one model, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve a model: POST /api/v1/predict (multipart image: PNG, JPEG, DICOM), GET /api/v1/model,"
                + " GET /health, and the web viewer at /.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model directory (e.g. runs/NAME/model).")
    Path model;
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to listen on (default ${DEFAULT-VALUE}, loopback; e.g. 0.0.0.0 only when asked).")
    String host;
    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0: any free one).")
    int port;
    @Option(names = "--max-upload-mb", defaultValue = "20", description = "Largest upload in MB (default ${DEFAULT-VALUE}).")
    int maxUploadMb;
    @Option(names = "--max-side", defaultValue = "8192", description = "Largest image side in pixels (default ${DEFAULT-VALUE}).")
    int maxSide;
    @Option(names = "--workers", defaultValue = "2", description = "Predictions at once (default ${DEFAULT-VALUE}).")
    int workers;
    @Option(names = "--queue", defaultValue = "16",
            description = "Predictions waiting beyond the running ones; more get 503 (default ${DEFAULT-VALUE}).")
    int queue;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServeConfig cfg = new ServeConfig(host, port, maxUploadMb * 1024L * 1024L, maxSide, workers, queue);
        DiagnosisService service = DiagnosisService.load(model);
        ApiServer server = ApiServer.start(service, model, cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            service.close();
            stopped.countDown();
        }));
        java.io.PrintWriter w = spec.commandLine().getOut();
        w.println("serving " + model + " at http://" + host + ":" + server.port() + "/ (Ctrl-C stops)");
        service.warnings().forEach(m -> w.println("warning: " + m));
        w.flush();
        stopped.await();
        return 0;
    }
}
