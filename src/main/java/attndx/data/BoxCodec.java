package attndx.data;

import attndx.core.AttndxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The manifest's {@code bbox} cell: boxes "x0,y0,x1,y1" (half-open pixel coordinates) separated by ";". */
public final class BoxCodec {
    private BoxCodec() {}

    /** Parses a cell (empty = no boxes); boxes must lie inside a {@code width} x {@code height} image. */
    public static List<Box> parse(String cell, int width, int height) {
        List<Box> boxes = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return boxes;
        }
        for (String part : cell.split(";")) {
            String[] xy = part.trim().split(",");
            if (xy.length != 4) {
                throw new AttndxException("bbox '" + part + "' must be x0,y0,x1,y1");
            }
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
                try {
                    v[i] = Integer.parseInt(xy[i].trim());
                } catch (NumberFormatException e) {
                    throw new AttndxException("bbox '" + part + "' has a non-integer coordinate '" + xy[i] + "'", e);
                }
            }
            if (v[0] < 0 || v[1] < 0 || v[2] > width || v[3] > height || v[2] <= v[0] || v[3] <= v[1]) {
                throw new AttndxException("bbox '" + part + "' must satisfy 0<=x0<x1<=" + width + " and 0<=y0<y1<=" + height);
            }
            boxes.add(new Box(v[0], v[1], v[2], v[3]));
        }
        return boxes;
    }

    /** Formats boxes as a cell ("" when none). */
    public static String format(List<Box> boxes) {
        return boxes.stream().map(b -> b.x0() + "," + b.y0() + "," + b.x1() + "," + b.y1())
                .collect(Collectors.joining(";"));
    }
}
