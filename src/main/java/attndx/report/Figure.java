package attndx.report;

/**
 * One figure of the report.
 *
 * @param title its caption heading
 * @param dataUri the image as a PNG data URI
 * @param reading one sentence saying what the figure shows
 */
record Figure(String title, String dataUri, String reading) {}
