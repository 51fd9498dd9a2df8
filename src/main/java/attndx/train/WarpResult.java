package attndx.train;

import ai.djl.ndarray.NDArray;

/**
 * Arrays resampled onto a new grid, with the pixels that had a defined source.
 *
 * @param values the resampled arrays, B x C x H x W (0 where {@code valid} is 0)
 * @param valid B x 1 x H x W, 1 where the source location lay inside the source frame, else 0
 */
public record WarpResult(NDArray values, NDArray valid) {}
