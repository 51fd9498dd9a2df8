package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir
    Path run;

    @Test
    void keepsOnlyTheNewestCompleteCheckpoint() {
        CheckpointStore store = new CheckpointStore(run);
        store.save(1, dir -> Files.writeString(dir.resolve("w"), "one"));
        store.save(2, dir -> Files.writeString(dir.resolve("w"), "two"));
        assertEquals(2, store.latestEpoch());
        assertEquals(run.resolve("checkpoints/epoch-0002"), store.latestFolder());
        assertFalse(Files.exists(run.resolve("checkpoints/epoch-0001")));
    }

    @Test
    void aWriterFailingHalfwayLeavesThePreviousCheckpointAsLatest() throws IOException {
        CheckpointStore store = new CheckpointStore(run);
        store.save(1, dir -> Files.writeString(dir.resolve("w"), "one"));
        assertThrows(UncheckedIOException.class, () -> store.save(2, dir -> {
            Files.writeString(dir.resolve("w"), "half");
            throw new IOException("disk full");
        }));
        assertEquals(1, store.latestEpoch());
        assertEquals("one", Files.readString(store.latestFolder().resolve("w")));
        assertFalse(Files.exists(run.resolve("checkpoints/epoch-0002")), "only the temporary folder was written");
    }

    @Test
    void aRunWithoutCheckpointCannotBeResumed() {
        CheckpointStore store = new CheckpointStore(run);
        assertEquals(0, store.latestEpoch());
        AttndxException e = assertThrows(AttndxException.class, store::latestFolder);
        assertTrue(e.getMessage().contains("has no checkpoint"), e.getMessage());
    }
}
