package attndx.cli;

import attndx.data.Dataset;
import attndx.explain.ExplainRun;
import attndx.explain.MethodOptions;
import attndx.explain.Methods;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx explain}: explanation maps as overlays and as maps.npz (x, y, s, ids, a_METHOD). */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explanation maps of a model on the first images of a split: overlays (PNG) and maps.npz in the"
                + " Quantus/Captum layout (x, y, s, ids, a_METHOD).")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ModelDataOptions in;
    @Option(names = "--methods", split = ",", defaultValue = "gradcam",
            description = "Methods, comma-separated: attention, attention-s1..s4, cam, gradcam, gradcam++, gradient,"
                    + " occlusion, random, edge, centre (default ${DEFAULT-VALUE}).")
    List<String> methods;
    @Mixin
    MethodOptionsMixin options;
    @Option(names = "--target", defaultValue = "predicted", description = "Class explained: predicted or label.")
    String target;
    @Option(names = "--limit", defaultValue = "16", description = "First N images of the split (default ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        methods.forEach(Methods::requireKnown);
        MethodOptions o = options.toOptions();
        Dataset split = in.dataset().split(in.split);
        ExplainRun.Result r = ExplainRun.run(new ExplainRun.Request(in.model, split, in.split, methods, o, target, limit,
                out));
        var w = spec.commandLine().getOut();
        r.warnings().forEach(x -> w.println("warning: " + x));
        w.println("explained " + r.images() + " images with " + String.join(", ", r.methods()));
        w.println("maps: " + r.maps());
        w.println("overlays: " + r.overlays());
        w.flush();
        return 0;
    }
}
