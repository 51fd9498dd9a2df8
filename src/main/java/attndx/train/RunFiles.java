package attndx.train;

import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.model.DiagnosisModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a run directory: {@code config.json} (the {@link RunSpec}), {@code train-log.jsonl}
 * (one {@link EpochRecord} per line), {@code checkpoints/} and {@code model/} (the selected model).
 */
final class RunFiles {
    static final String CONFIG = "config.json";
    static final String LOG = "train-log.jsonl";
    static final String MODEL = "model";
    private final Path dir;
    private final CheckpointStore checkpoints;

    RunFiles(Path dir) {
        this.dir = dir;
        this.checkpoints = new CheckpointStore(dir);
    }

    Path dir() {
        return dir;
    }

    CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** Starts a new run: the directory must not hold one already. */
    void start(RunSpec spec) {
        if (Files.exists(dir.resolve(CONFIG))) {
            throw new AttndxException("run directory " + dir + " already holds a run (" + CONFIG
                    + "); use --resume to continue it or choose another --out");
        }
        Json.write(dir.resolve(CONFIG), spec);
        try {
            Files.writeString(dir.resolve(LOG), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunSpec readSpec() {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new AttndxException("cannot resume " + dir + ": it holds no run (" + CONFIG + " is missing);"
                    + " check --out, or start the run without --resume");
        }
        return Json.read(dir.resolve(CONFIG), RunSpec.class);
    }

    void appendLog(EpochRecord r) {
        try {
            Files.writeString(dir.resolve(LOG), Json.mapper().writer().without(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(r) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(LOG), e);
        }
    }

    List<EpochRecord> readLog() {
        List<EpochRecord> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(LOG))) {
                if (!line.isBlank()) {
                    out.add(Json.mapper().readValue(line, EpochRecord.class));
                }
            }
        } catch (IOException e) {
            throw new AttndxException("cannot read training log " + dir.resolve(LOG) + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Drops log lines after {@code epoch} (written after the checkpoint a resume starts from). */
    void truncateLog(int epoch) {
        List<EpochRecord> kept = readLog().stream().filter(r -> r.epoch() <= epoch).toList();
        try {
            Files.writeString(dir.resolve(LOG), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kept.forEach(this::appendLog);
    }

    /** Saves the selected model into {@code model/}, replacing the previous one only once complete. */
    void saveBest(DiagnosisModel model) {
        Path tmp = dir.resolve(MODEL + ".tmp");
        Path dst = dir.resolve(MODEL);
        Path old = dir.resolve(MODEL + ".old");
        try {
            CheckpointStore.deleteTree(tmp);
            model.save(tmp);
            CheckpointStore.deleteTree(old);
            if (Files.exists(dst)) {
                Files.move(dst, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
            CheckpointStore.deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the selected model into " + dst, e);
        }
    }

    TrainingResult result(boolean stoppedEarly) {
        List<EpochRecord> log = readLog();
        EpochRecord best = log.stream().filter(EpochRecord::best).reduce((a, b) -> b).orElse(null);
        if (best == null) {
            throw new AttndxException("no epoch of " + dir + " produced a usable validation score (AUC undefined:"
                    + " does the validation split hold both classes?)");
        }
        return new TrainingResult(dir, dir.resolve(MODEL), best.epoch(), best, log, stoppedEarly);
    }
}
