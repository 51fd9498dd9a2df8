package attndx.kernels;

import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;

import attndx.bench.MemoryStats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The data-parallel prediction path over many batches: a width-64 ResNet-18 (so the workers run Winograd
 * convolutions where NNPACK runs) predicting 160 batches of 32 images through one runner with two workers.
 * From batch 40 to batch 160 the number of arrays alive in the engine's managers must not change (each
 * slice frees what it creates, the folded snapshot stays), and resident memory must grow by less than 64 MiB.
 */
class InferenceSoakTest {
    private static final int WARM_UP_BATCHES = 40;
    private static final int BATCHES = 160;
    private static final int BATCH = 32;
    private static final long ALLOWED_GROWTH_KB = 64 * 1024;

    @Test
    void arraysAndResidentMemoryStayFlatOverAHundredAndSixtyParallelBatches() {
        // Without /proc the memory half would measure nothing: skip with the reason rather than pass.
        assumeTrue(MemoryStats.rssKb().isPresent(), MemoryStats.UNAVAILABLE);
        ModelConfig config = ModelPresets.create("gap", 18, 64, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        float[][] images = new float[BATCH][28 * 28];
        for (int i = 0; i < BATCH; i++) {
            for (int p = 0; p < images[i].length; p++) {
                images[i][p] = ((p * 13 + i * 5) % 23) / 23f;
            }
        }
        try (DiagnosisModel m = DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("soak", Map.of(), "", 1), 28);
                ModelRunner runner = new ModelRunner(m, BATCH, InferenceKernels.ONEDNN, 2)) {
            long rssBefore = 0;
            int arraysBefore = 0;
            for (int b = 1; b <= BATCHES; b++) {
                runner.predict(images, 1, 28, 28);
                if (b == WARM_UP_BATCHES) {
                    rssBefore = rssAfterCollection();
                    arraysBefore = liveArrays();
                }
            }
            long growth = rssAfterCollection() - rssBefore;
            assertEquals(arraysBefore, liveArrays(), "engine arrays alive after batch " + WARM_UP_BATCHES
                    + " vs after batch " + BATCHES);
            assertTrue(growth < ALLOWED_GROWTH_KB, "resident memory grew by " + growth / 1024 + " MiB between batch "
                    + WARM_UP_BATCHES + " and batch " + BATCHES);
        }
    }

    /**
     * Resident memory once the garbage collector has run: DJL copies each batch's Java input into a direct
     * buffer that only a collection frees, and prediction makes too little heap garbage to trigger one (the
     * launcher caps direct memory for that; README, Performance). What remains after a collection is native
     * memory the path itself keeps.
     */
    private static long rssAfterCollection() {
        System.gc();
        try {
            Thread.sleep(200); // the buffers' cleaners run on their own thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return MemoryStats.rssKb().orElseThrow();
    }

    /** Arrays held by any manager of the engine (all managers descend from its system manager). */
    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
