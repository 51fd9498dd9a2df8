package attndx.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void handComputedCases() {
        assertEquals(0.75, RocAuc.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}), 1e-12);
        // pairs (pos,neg): (.5,.5)=0.5, (.5,.2)=1, (.8,.5)=1, (.8,.2)=1 -> 3.5/4
        assertEquals(0.875, RocAuc.auc(new double[] {0.5, 0.5, 0.2, 0.8}, new int[] {1, 0, 0, 1}), 1e-12);
        assertEquals(0.5, RocAuc.auc(new double[] {0.3, 0.3, 0.3, 0.3}, new int[] {0, 1, 0, 1}), 1e-12);
        assertEquals(0.0, RocAuc.auc(new double[] {0.9, 0.1}, new int[] {0, 1}), 1e-12);
    }

    @Test
    void singleClassIsNanWithWarningAndEmptyIsNan() {
        List<String> warnings = new ArrayList<>();
        double a = RocAuc.auc(new double[] {0.2, 0.9}, new boolean[] {true, true}, "test set", warnings);
        assertTrue(Double.isNaN(a));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("2 positive and 0 negative"), warnings.get(0));
        assertTrue(Double.isNaN(RocAuc.auc(new double[0], new boolean[0])));
    }

    @Test
    void malformedInputNamesShapesAndIndex() {
        AttndxException e = assertThrows(AttndxException.class,
                () -> RocAuc.auc(new double[] {0.1, 0.2}, new boolean[] {true}));
        assertTrue(e.getMessage().contains("2 entries") && e.getMessage().contains("has 1"), e.getMessage());
        e = assertThrows(AttndxException.class, () -> RocAuc.auc(new double[] {0.1, Double.NaN}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("scores[1] is NaN"), e.getMessage());
        e = assertThrows(AttndxException.class, () -> RocAuc.auc(new double[] {0.1, 0.3}, new int[] {0, 2}));
        assertTrue(e.getMessage().contains("labels[1] = 2"), e.getMessage());
    }

    @Test
    void weightsEqualDuplicatedData() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.4};
        boolean[] y = {false, false, true, true, true};
        int[] w = {2, 0, 3, 1, 1};
        double[] ds = {0.1, 0.1, 0.35, 0.35, 0.35, 0.8, 0.4};
        boolean[] dy = {false, false, true, true, true, true, true};
        assertEquals(RocAuc.auc(ds, dy), RankedScores.of(s, y).auc(w), 1e-12);
    }
}
