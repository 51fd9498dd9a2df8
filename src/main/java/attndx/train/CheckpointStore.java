package attndx.train;

import attndx.core.AttndxException;
import attndx.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The checkpoint folders of a run: {@code checkpoints/epoch-NNNN/} plus {@code checkpoints/latest.json}
 * naming the newest complete one. Each checkpoint is written into a temporary folder and renamed,
 * and the pointer is replaced atomically after that, so a crash at any moment leaves the previous
 * checkpoint as "latest", never a half-written one.
 */
public final class CheckpointStore {
    private static final String LATEST = "latest.json";
    private final Path root;

    /** The pointer file's content. */
    public record Latest(int epoch, String folder) {}

    /** A writer of one checkpoint's files into a folder. */
    @FunctionalInterface
    public interface Writer {
        void write(Path folder) throws IOException;
    }

    public CheckpointStore(Path runDir) {
        this.root = runDir.resolve("checkpoints");
    }

    /** Writes the checkpoint of {@code epoch}, makes it "latest", and removes older ones. */
    public void save(int epoch, Writer writer) {
        String name = String.format("epoch-%04d", epoch);
        Path tmp = root.resolve(name + ".tmp");
        Path dst = root.resolve(name);
        try {
            Files.createDirectories(root);
            deleteTree(tmp);
            Files.createDirectories(tmp);
            writer.write(tmp);
            deleteTree(dst);
            Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
            Path pointerTmp = root.resolve(LATEST + ".tmp");
            Json.write(pointerTmp, new Latest(epoch, name));
            Files.move(pointerTmp, root.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            removeAllBut(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dst, e);
        }
    }

    /** The epoch of the newest complete checkpoint, 0 when there is none. */
    public int latestEpoch() {
        Path pointer = root.resolve(LATEST);
        return Files.isRegularFile(pointer) ? Json.read(pointer, Latest.class).epoch() : 0;
    }

    /** The newest complete checkpoint's folder; an error naming the run when there is none. */
    public Path latestFolder() {
        Path pointer = root.resolve(LATEST);
        if (!Files.isRegularFile(pointer)) {
            throw new AttndxException("cannot resume: " + root.getParent() + " has no checkpoint (" + pointer
                    + " is missing)");
        }
        Path folder = root.resolve(Json.read(pointer, Latest.class).folder());
        if (!Files.isDirectory(folder)) {
            throw new AttndxException("cannot resume: checkpoint folder " + folder + " named by " + pointer + " is missing");
        }
        return folder;
    }

    private void removeAllBut(String keep) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("epoch-") && !n.equals(keep) && Files.isDirectory(p)) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Deletes a folder and everything in it (nothing when absent). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
