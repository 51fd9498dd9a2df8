package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchMetricsCommandTest {

    @Test
    void printsOneLinePerTiming() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchMetricsCommand());
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--n", "2000", "--batch", "10", "--repeats", "1"));
        String text = out.toString();
        assertTrue(text.contains("predictions: 2000, patients: 1000"), text);
        assertTrue(text.contains("bootstrap AUC, 10 resamples"), text);
    }
}
