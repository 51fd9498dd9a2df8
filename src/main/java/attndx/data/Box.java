package attndx.data;

/**
 * An axis-aligned lesion box in pixel coordinates, half-open: columns x0..x1-1, rows y0..y1-1.
 */
public record Box(int x0, int y0, int x1, int y1) {
    public Box {
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("box must have x0<x1 and y0<y1, got (" + x0 + "," + y0 + "," + x1 + "," + y1 + ")");
        }
    }

    /** Whether pixel (x, y) lies inside the box. */
    public boolean contains(int x, int y) {
        return x >= x0 && x < x1 && y >= y0 && y < y1;
    }
}
