package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.core.Json;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomWriter;
import attndx.data.SplitRatios;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attndx train} end to end on a phantom folder: files written, terms logged, resume, seed sweep. */
class TrainCommandTest {
    @TempDir
    static Path tmp;
    private static Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writePhantom() {
        Engines.configure();
        data = tmp.resolve("phantom");
        PhantomWriter.write(Phantom.render(new PhantomConfig(60, 32, 3, 0.5, 1, 2, 8, 0.02,
                new SplitRatios(0.6, 0.4, 0.0), null, null, null)), data);
    }

    private int train(String run, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--model", "attn-multiscale",
                "--width", "8", "--out", tmp.resolve(run).toString(), "--epochs", "1", "--lr", "3e-3", "--quiet"));
        args.addAll(List.of(options));
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args.toArray(new String[0]));
    }

    private static List<JsonNode> log(Path run) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("train-log.jsonl"))) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    @Test
    void writesModelLogAndConfigAndLogsEveryTableOneTerm() throws IOException {
        assertEquals(0, train("full"), err.toString());
        Path run = tmp.resolve("full");
        assertTrue(Files.isRegularFile(run.resolve("model/attndx-0000.params")));
        assertTrue(Files.isRegularFile(run.resolve("model/model.json")));
        assertTrue(Files.isRegularFile(run.resolve("config.json")));
        assertTrue(out.toString().startsWith("best epoch 1 of 1: val AUC "), out.toString());
        List<JsonNode> log = log(run);
        assertEquals(1, log.size());
        JsonNode loss = log.get(0).get("loss");
        assertEquals(List.of("total", "cls", "sparse", "smooth", "cons", "mine"), names(loss));
        // L = L_cls + 0.01 L_sparse + 0.1 L_smooth + 1.0 L_cons (Table 1) + 0.4 r L_mine per batch, where the ramp r
        // is 0 for the first 20% of the steps and rises to 1 at 40% (MiningRamp): so in the epoch's mean, L lies
        // strictly between the Table 1 part and the Table 1 part plus 0.4 times the logged mining mean
        double tableOne = loss.get("cls").asDouble() + 0.01 * loss.get("sparse").asDouble()
                + 0.1 * loss.get("smooth").asDouble() + loss.get("cons").asDouble();
        double total = loss.get("total").asDouble();
        double mine = loss.get("mine").asDouble();
        assertTrue(mine > 0 && total > tableOne + 1e-6 && total < tableOne + 0.4 * mine - 1e-6,
                "total " + total + ", Table 1 part " + tableOne + ", mining mean " + mine);
        double share = log.get(0).get("dataShare").asDouble();
        assertTrue(share >= 0 && share <= 1, "dataShare " + share);
        assertTrue(log.get(0).get("imagesPerSecond").asDouble() > 0);

        assertEquals(0, train("full", "--resume"), err.toString());
        assertEquals(1, log(run).size(), "a finished run has nothing left to train");
        assertEquals(1, train("full", "--resume", "--batch-size", "8"));
        assertTrue(err.toString().contains("error: cannot resume " + run + ": the request differs from its"
                + " config.json at train.batchSize: saved 16, requested 8"), err.toString());
    }

    @Test
    void eachRegularisationTermSwitchesOffWithItsLambda() throws IOException {
        assertEquals(0, train("plain", "--lambda-sp", "0", "--lambda-tv", "0", "--lambda-con", "0", "--lambda-am", "0"),
                err.toString());
        JsonNode line = log(tmp.resolve("plain")).get(0);
        assertEquals(List.of("total", "cls"), names(line.get("loss")));
        for (String term : List.of("sparse", "smooth", "cons", "mine")) {
            assertEquals("lambda = 0", line.get("skippedTerms").get(term).asText(), term);
        }
        JsonNode config = Json.read(tmp.resolve("plain/config.json"), JsonNode.class);
        assertTrue(config.get("train").get("perturbation").isNull(), "no perturbation set without L_cons");
    }

    @Test
    void seedsRunOncePerSeedAndReportMeanAndSpread() throws IOException {
        // the sweep, not the objective, is under test: one forward pass per step keeps it quick
        assertEquals(0, train("sweep", "--seeds", "1,2", "--lambda-con", "0"), err.toString());
        Path sweep = tmp.resolve("sweep");
        double[] auc = new double[2];
        for (int i = 0; i < 2; i++) {
            JsonNode line = log(sweep.resolve("seed-" + (i + 1))).get(0);
            assertEquals(i + 1, line.get("seed").asLong());
            auc[i] = line.get("valAuc").asDouble();
        }
        JsonNode summary = Json.read(sweep.resolve("seeds-summary.json"), JsonNode.class);
        assertEquals((auc[0] + auc[1]) / 2, summary.get("aucMean").asDouble(), 1e-12);
        assertEquals(Math.abs(auc[0] - auc[1]) / Math.sqrt(2), summary.get("aucStd").asDouble(), 1e-12);
        assertTrue(out.toString().startsWith("2 seeds: val AUC "), out.toString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
