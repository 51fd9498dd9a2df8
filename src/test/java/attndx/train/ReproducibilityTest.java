package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import attndx.core.Json;
import attndx.data.Dataset;
import attndx.metrics.TrainingValidation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seed fixes a CPU run completely, and a run interrupted mid-epoch and resumed from its last
 * checkpoint ends exactly where the uninterrupted run ends: same parameters, optimiser state and
 * log, bit for bit.
 */
class ReproducibilityTest {
    private static final String PARAMS = "attndx-0000.params";
    private static final Dataset DATA = TrainFixtures.phantom(80, 3);

    @TempDir
    Path tmp;

    /** Thrown by the progress listener to simulate a crash. */
    private static final class Crash extends RuntimeException {}

    /** Crashes after the given batch of the given epoch, i.e. after that epoch's predecessor was checkpointed. */
    private static TrainingProgress crashAt(int crashEpoch, int crashBatch) {
        return new TrainingProgress() {
            private int epoch;
            private int batch;

            @Override
            public void epochStarted(int e, int epochs, int batches) {
                epoch = e;
                batch = 0;
            }

            @Override
            public void batchFinished(Map<String, Float> loss, double imagesPerSecond) {
                if (epoch == crashEpoch && ++batch == crashBatch) {
                    throw new Crash();
                }
            }
        };
    }

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FP32", "FP16"})
    void resumedRunEndsBitForBitWhereTheUninterruptedRunEnds(Precision precision) throws IOException {
        TrainConfig cfg = TrainFixtures.config(2, 7, 3e-3).withPrecision(precision);
        Path full = tmp.resolve("full");
        Path cut = tmp.resolve("cut");
        TrainFixtures.train(TrainFixtures.request(DATA, cfg, full));

        assertThrows(Crash.class, () -> Training.start(TrainFixtures.request(DATA, cfg, cut),
                new TrainingValidation(), crashAt(2, 2)));
        assertEquals(1, new CheckpointStore(cut).latestEpoch());
        TrainingResult resumed = Training.resume(TrainFixtures.request(DATA, cfg, cut), new TrainingValidation(),
                TrainingProgress.silent());

        assertEquals(2, resumed.epochs().size());
        List<String> files = new ArrayList<>(List.of("checkpoints/epoch-0002/" + PARAMS,
                "checkpoints/epoch-0002/optimizer.ndlist", "model/" + PARAMS));
        if (precision == Precision.FP16) {
            files.add("checkpoints/epoch-0002/loss-scale.json");
        }
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(full.resolve(file)), Files.readAllBytes(cut.resolve(file)), file);
        }
        assertEquals(logWithoutTimings(full), logWithoutTimings(cut));
    }

    @Test
    void sameSeedGivesIdenticalRunsAndAnotherSeedDoesNot() throws IOException {
        TrainConfig cfg = TrainFixtures.config(1, 5, 3e-3);
        TrainFixtures.train(TrainFixtures.request(DATA, cfg, tmp.resolve("a")));
        TrainFixtures.train(TrainFixtures.request(DATA, cfg, tmp.resolve("b")));
        TrainFixtures.train(TrainFixtures.request(DATA, cfg.withSeed(6), tmp.resolve("c")));

        byte[] a = Files.readAllBytes(tmp.resolve("a/checkpoints/epoch-0001").resolve(PARAMS));
        assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b/checkpoints/epoch-0001").resolve(PARAMS)));
        assertEquals(logWithoutTimings(tmp.resolve("a")), logWithoutTimings(tmp.resolve("b")));
        assertFalse(Arrays.equals(a, Files.readAllBytes(tmp.resolve("c/checkpoints/epoch-0001").resolve(PARAMS))));
    }

    /**
     * A run during a storm of garbage collections that free and overwrite direct memory equals the quiet run
     * bit for bit: no tensor that autograd keeps for the backward may live in memory a collection can free
     * (DJL's Number overloads did, see {@code Scalars}).
     */
    @Test
    void aRunDuringGarbageCollectionsEqualsTheQuietRun() throws Exception {
        TrainConfig cfg = TrainFixtures.config(2, 5, 3e-3);
        TrainFixtures.train(TrainFixtures.request(DATA, cfg, tmp.resolve("quiet")));
        AtomicBoolean stop = new AtomicBoolean();
        Thread storm = new Thread(() -> {
            while (!stop.get()) {
                System.gc();
                for (int i = 0; i < 500; i++) {
                    ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 7f);
                }
            }
        });
        storm.start();
        try {
            TrainFixtures.train(TrainFixtures.request(DATA, cfg, tmp.resolve("storm")));
        } finally {
            stop.set(true);
            storm.join();
        }
        for (String file : List.of("checkpoints/epoch-0002/" + PARAMS, "model/" + PARAMS)) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("quiet").resolve(file)),
                    Files.readAllBytes(tmp.resolve("storm").resolve(file)), file);
        }
    }

    /** The log lines without the wall-clock fields, which legitimately differ between runs. */
    private static List<String> logWithoutTimings(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(RunFiles.LOG))) {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(line);
            node.remove(List.of("seconds", "imagesPerSecond", "dataShare"));
            out.add(node.toString());
        }
        return out;
    }
}
