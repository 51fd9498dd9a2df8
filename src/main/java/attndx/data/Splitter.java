package attndx.data;

import attndx.core.AttndxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Patient-level train/validation/test split, stratified by the patient's label (seed section 3.3:
 * split by patient, not by image, to avoid leakage between near-duplicate studies).
 *
 * <p>Rules:
 * <ul>
 *   <li>A patient's stratum is its patient-level label: binary and multi-label tasks use "any image
 *       positive" (index 1 for binary, any label for multi-label), because one positive study makes
 *       the patient a case; multi-class tasks use the most frequent class (ties: smallest index).</li>
 *   <li>Within each stratum the patients (sorted by id, then shuffled with the seed) are cut at
 *       {@code round(n*train)} and {@code round(n*(train+val))}; the remainder is test.</li>
 *   <li>Explicit splits are honoured: a patient with any sample carrying {@link Sample#split()} keeps
 *       that split for all its samples; only patients without one are assigned by the ratios.</li>
 *   <li>The leakage check runs first: a patient whose samples carry two different explicit splits is a
 *       user error naming the patient(s) and the splits.</li>
 * </ul>
 */
public final class Splitter {
    private static final int MAX_NAMED = 10;
    private final SplitRatios ratios;
    private final long seed;

    public Splitter(SplitRatios ratios, long seed) {
        this.ratios = java.util.Objects.requireNonNull(ratios, "ratios");
        this.seed = seed;
    }

    /** {@code dataset} with every sample's split set: explicit splits kept, the others assigned here. */
    public Dataset assign(Dataset dataset) {
        return split(dataset).apply(dataset);
    }

    /** Assigns every sample of {@code dataset} a split (see the class rules). */
    public SplitAssignment split(Dataset dataset) {
        checkNoLeakage(dataset.samples());
        Map<String, List<Sample>> byPatient = byPatient(dataset.samples());
        Map<String, String> fixed = new TreeMap<>();
        Map<String, Integer> strata = new TreeMap<>();
        byPatient.forEach((patient, samples) -> {
            String explicit = samples.stream().map(Sample::split).filter(s -> s != null).findFirst().orElse(null);
            if (explicit != null) {
                fixed.put(patient, explicit);
            } else {
                strata.put(patient, patientStratum(samples, dataset.info().task()));
            }
        });
        Map<String, String> assigned = new TreeMap<>(assignPatients(strata));
        assigned.putAll(fixed);
        List<SplitAssignment.Entry> entries = new ArrayList<>();
        for (Sample s : dataset.samples()) {
            entries.add(new SplitAssignment.Entry(s.id(), s.patientId(), assigned.get(s.patientId()),
                    labelName(s.label(), dataset.info())));
        }
        return new SplitAssignment(entries);
    }

    /**
     * Assigns patients to splits by stratum (patient id to stratum index in, patient id to split out).
     * Deterministic for a given seed whatever the map's iteration order.
     */
    public Map<String, String> assignPatients(Map<String, Integer> patientStrata) {
        Map<Integer, List<String>> strata = new TreeMap<>();
        new TreeMap<>(patientStrata).forEach((p, k) -> strata.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
        Random rng = new Random(seed);
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> patients : strata.values()) {
            Collections.shuffle(patients, rng);
            int n = patients.size();
            int trainEnd = (int) Math.round(n * ratios.train());
            int valEnd = Math.max(trainEnd, Math.min(n, (int) Math.round(n * (ratios.train() + ratios.val()))));
            for (int i = 0; i < n; i++) {
                out.put(patients.get(i), i < trainEnd ? Splits.TRAIN : i < valEnd ? Splits.VAL : Splits.TEST);
            }
        }
        return out;
    }

    /** The patient-level stratum of one patient's samples (see the class rules). */
    public static int patientStratum(List<Sample> samples, TaskType task) {
        if (task != TaskType.MULTICLASS) {
            int positive = task == TaskType.BINARY ? 1 : -1;
            for (Sample s : samples) {
                for (int p : s.label().positives()) {
                    if (positive < 0 || p == positive) {
                        return 1;
                    }
                }
            }
            return 0;
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.label().index(), 1, Integer::sum));
        int best = -1;
        int bestCount = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /**
     * Throws an {@link AttndxException} naming the patient id(s) and their splits when any patient's
     * samples carry more than one explicit split, or a split name is not train/val/test.
     */
    public static void checkNoLeakage(List<Sample> samples) {
        List<String> problems = new ArrayList<>();
        int leaking = 0;
        for (var e : byPatient(samples).entrySet()) {
            TreeSet<String> splits = new TreeSet<>();
            for (Sample s : e.getValue()) {
                Splits.requireValid(s.split(), "sample " + s.id());
                if (s.split() != null) {
                    splits.add(s.split());
                }
            }
            if (splits.size() > 1) {
                leaking++;
                if (problems.size() < MAX_NAMED) {
                    problems.add("patient " + e.getKey() + " in " + String.join(" and ", splits));
                }
            }
        }
        if (leaking > 0) {
            throw new AttndxException("patient leakage: " + leaking + " patient(s) appear in more than one split: "
                    + String.join("; ", problems) + (leaking > MAX_NAMED ? "; ..." : ""));
        }
    }

    private static Map<String, List<Sample>> byPatient(List<Sample> samples) {
        Map<String, List<Sample>> out = new TreeMap<>();
        samples.forEach(s -> out.computeIfAbsent(s.patientId(), k -> new ArrayList<>()).add(s));
        return out;
    }

    /** The class name(s) of a label, multi-label names joined by "+" ("" when none). */
    static String labelName(Label label, DatasetInfo info) {
        List<String> names = new ArrayList<>();
        for (int p : label.positives()) {
            names.add(p < info.numClasses() ? info.classNames().get(p) : String.valueOf(p));
        }
        return String.join("+", names);
    }
}
