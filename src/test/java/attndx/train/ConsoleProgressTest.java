package attndx.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void drawsABarPerEpochAndPrintsOneSummaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.epochStarted(1, 3, 2);
        p.batchFinished(Map.of("total", 0.5f), 40);
        p.batchFinished(Map.of("total", 0.25f), 42);
        p.epochFinished(new EpochRecord(1, 1, 1e-4, Map.of("total", 0.375), Map.of(), 0.9, 0.05, 0.8, 0.875, true,
                12.5, 42, 0.01, "FP32", 1, 0, new AttentionStatistics.Summary(0.4, 0.9, 0.95, 0.25, 64)));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("epoch 1/3"), text);
        assertTrue(text.contains("epoch 1: loss 0.3750, val AUC 0.9000, ECE 0.0500, acc 0.8000 *best* (12.5 s, 42 img/s)"),
                text);
        assertTrue(text.contains("attention: mean 0.400, max 0.900, entropy 0.950, nearly constant 25% of maps"), text);
    }
}
