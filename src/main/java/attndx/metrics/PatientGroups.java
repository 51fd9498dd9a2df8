package attndx.metrics;

import attndx.core.AttndxException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which patient each image belongs to, for patient-level bootstrap resampling (paper 3.3, 7.6):
 * a resample draws patients with replacement, and every image of a drawn patient comes along as
 * often as the patient was drawn. An image without a patient id (null or blank) is its own patient.
 */
public final class PatientGroups {
    private final int[] groupOf;
    private final int groups;

    private PatientGroups(int[] groupOf, int groups) {
        this.groupOf = groupOf;
        this.groups = groups;
    }

    /** Groups {@code n} images by {@code patientIds} (null: every image its own patient). */
    public static PatientGroups of(String[] patientIds, int n) {
        if (patientIds != null && patientIds.length != n) {
            throw new AttndxException("patient ids has " + patientIds.length + " entries but there are " + n
                    + " images");
        }
        int[] groupOf = new int[n];
        Map<String, Integer> index = new HashMap<>();
        int next = 0;
        for (int i = 0; i < n; i++) {
            String id = patientIds == null ? null : patientIds[i];
            if (id == null || id.isBlank()) {
                groupOf[i] = next++;
            } else {
                Integer g = index.get(id);
                if (g == null) {
                    g = next++;
                    index.put(id, g);
                }
                groupOf[i] = g;
            }
        }
        return new PatientGroups(groupOf, next);
    }

    /** Number of images. */
    public int images() {
        return groupOf.length;
    }

    /** Number of patients. */
    public int patients() {
        return groups;
    }

    /** Patient index of image {@code i}. */
    public int patientOf(int i) {
        return groupOf[i];
    }

    /**
     * Draws {@link #patients()} patients with replacement and writes each image's multiplicity into
     * {@code imageWeights}; {@code counts} is scratch space of length {@link #patients()}.
     */
    public void resample(SplittableRandom rng, int[] counts, int[] imageWeights) {
        java.util.Arrays.fill(counts, 0);
        for (int d = 0; d < groups; d++) {
            counts[rng.nextInt(groups)]++;
        }
        for (int i = 0; i < groupOf.length; i++) {
            imageWeights[i] = counts[groupOf[i]];
        }
    }
}
