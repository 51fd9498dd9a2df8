package attndx.report;

/**
 * One figure of the report.
 *
 * @param title its caption heading
 * @param dataUri the image as a PNG data URI
 * @param reading one sentence saying what the figure shows
 * @param width the image's width in pixels (the caption wraps to it)
 */
record Figure(String title, String dataUri, String reading, int width) {}
