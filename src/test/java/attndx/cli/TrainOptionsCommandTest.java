package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomWriter;
import attndx.data.SplitRatios;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelRunner;
import attndx.model.Prediction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The train options of integrity issue 14 that used to be missing: {@code --attention}. */
class TrainOptionsCommandTest {
    @TempDir
    static Path tmp;
    private static Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writePhantom() {
        Engines.configure();
        data = tmp.resolve("phantom");
        PhantomWriter.write(Phantom.render(new PhantomConfig(40, 32, 3, 0.5, 1, 2, 8, 0.02,
                new SplitRatios(0.6, 0.4, 0.0), null, null, null)), data);
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private int train(String run, String... options) {
        return train(run, "attn-single", options);
    }

    private int train(String run, String preset, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--model", preset,
                "--width", "8", "--out", tmp.resolve(run).toString(), "--epochs", "1", "--lr", "3e-3", "--quiet"));
        args.addAll(List.of(options));
        return run(args.toArray(new String[0]));
    }

    @Test
    void classSpecificAttentionIsSavedAndUsedAtLoad() {
        assertEquals(0, train("class-specific", "--attention", "class-specific"), err.toString());
        try (DiagnosisModel model = DiagnosisModel.load(tmp.resolve("class-specific/model"))) {
            assertEquals(ModelConfig.AttentionMode.CLASS_SPECIFIC, model.config().attentionMode());
            try (ModelRunner runner = new ModelRunner(model, 2)) {
                Prediction p = runner.predict(new float[2][32 * 32], 1, 32, 32);
                assertEquals(2, p.mapCount(), "one map per class");
            }
        }
    }

    @Test
    void classSpecificAttentionWithoutAttentionPresetIsRefused() {
        assertNotEquals(0, train("gap-cs", "gap", "--attention", "class-specific"));
        assertTrue(err.toString().contains("--attention class-specific needs an attention preset"), err.toString());
        assertNotEquals(0, train("bad", "--attention", "per-class"));
        assertTrue(err.toString().contains("expected shared or class-specific"), err.toString());
    }
}
