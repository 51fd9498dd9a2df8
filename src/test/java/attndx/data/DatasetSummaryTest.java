package attndx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetSummaryTest {
    private static Sample s(String id, String patient, int label, String split, int h, float... px) {
        return new Sample(id, new ImageTensor(1, h, px.length / h, px), Label.of(label), patient, null, List.of(),
                id, split);
    }

    @Test
    void countsSizesAndIntensities() {
        Dataset ds = new InMemoryDataset(new DatasetInfo("d", TaskType.BINARY, List.of("n", "l"), 1, "mem"), List.of(
                s("a", "P1", 0, "train", 1, 0f, 1f),
                s("b", "P1", 1, "train", 2, 0.5f, 0.5f),
                s("c", "P2", 1, null, 1, 0f, 0f)));
        DatasetSummary sum = DatasetSummary.of(new LoadedDataset(ds,
                new LoadReport(List.of(new LoadReport.Skipped("row 4", "bad")))));
        assertEquals(3, sum.samples());
        assertEquals(2, sum.patients());
        assertEquals(List.of("train", "unassigned"), List.copyOf(sum.splits().keySet()));
        assertEquals(new DatasetSummary.SplitCounts(2, 1, Map.of("n", 1, "l", 1)), sum.splits().get("train"));
        assertEquals(1, sum.minHeight());
        assertEquals(2, sum.maxHeight());
        assertEquals(1, sum.minWidth());
        assertEquals(2, sum.maxWidth());
        // values 0,1,0.5,0.5,0,0: mean 1/3, E[x^2] = 1.5/6 = 0.25, var = 0.25 - 1/9.
        assertEquals(1 / 3.0, sum.intensity().mean(), 1e-9);
        assertEquals(Math.sqrt(0.25 - 1 / 9.0), sum.intensity().std(), 1e-7);
        assertEquals(0.0, sum.intensity().min());
        assertEquals(1.0, sum.intensity().max());
        assertEquals(1, sum.skipped().size());
        assertEquals(1, DatasetSummary.of(new LoadedDataset(ds, LoadReport.empty()), "unassigned").samples());
    }

    @Test
    void qualityControlTotalsCountFlaggedImagesPerCheck() {
        Sample good = Phantom.generate(PhantomConfig.defaults().withCount(1, 21)).get(0);
        float[] dark = new float[good.image().data().length];
        java.util.Arrays.fill(dark, 0.01f);
        Sample flat = good.withImage(new ImageTensor(1, good.image().height(), good.image().width(), dark), null,
                List.of());
        Dataset ds = new InMemoryDataset(new DatasetInfo("d", TaskType.BINARY, List.of("n", "l"), 1, "mem"),
                List.of(good, new Sample("dark", flat.image(), flat.label(), "P9", null, List.of(), "dark", null)));
        DatasetSummary.QcSummary qc = DatasetSummary.of(new LoadedDataset(ds, LoadReport.empty())).qc();
        assertEquals(1, qc.flagged());
        for (QcFlag f : new QualityControl(QcConfig.defaults()).check(flat.image())) {
            assertEquals(1, qc.byCheck().get(f.check()), f.check());
        }
        assertEquals(true, qc.byCheck().containsKey("under-exposed"), qc.byCheck().toString());
    }
}
