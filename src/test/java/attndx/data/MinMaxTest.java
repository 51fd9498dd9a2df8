package attndx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MinMaxTest {

    @Test
    void theRangeMapsOntoZeroToOneAndAConstantArrayToZeros() {
        float[] ramp = {1f, 3f, 2f, -1f};
        MinMax.scaleToUnit(ramp);
        assertArrayEquals(new float[] {0.5f, 1f, 0.75f, 0f}, ramp);
        float[] flat = {2f, 2f, 2f};
        MinMax.scaleToUnit(flat);
        assertArrayEquals(new float[3], flat);
    }
}
