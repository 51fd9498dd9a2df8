package attndx.data;

/**
 * The ground truth of one phantom image beyond its {@link Sample}: what was drawn on it.
 *
 * @param id sample id
 * @param patientId patient id
 * @param split train, val or test
 * @param lesion whether the image carries lesions (label "lesion")
 * @param lesions number of lesions drawn
 * @param marker box of the shortcut marker, or null when the image has none
 * @param site whether the image comes from the shifted site
 */
public record PhantomItem(String id, String patientId, String split, boolean lesion, int lesions, Box marker,
        boolean site) {

    /** Whether the shortcut marker is present. */
    public boolean hasMarker() {
        return marker != null;
    }
}
