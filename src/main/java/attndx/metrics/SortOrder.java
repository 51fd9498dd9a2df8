package attndx.metrics;

/** Index sort on primitive arrays (no boxing), so ranking 10^6 scores stays fast. */
final class SortOrder {
    private SortOrder() {}

    /** Indices of {@code keys} in ascending key order; stable merge sort, O(n log n). */
    static int[] ascending(double[] keys) {
        int n = keys.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    b[k] = (i < mid && (j >= hi || keys[a[i]] <= keys[a[j]])) ? a[i++] : a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
