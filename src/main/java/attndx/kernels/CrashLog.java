package attndx.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads why a probe child died: the JVM's fatal-error log (signal, faulting frame), its stderr, its status. */
final class CrashLog {
    private static final int FRAME_CHARS = 160;

    private CrashLog() {}

    /**
     * "SIGFPE in libtorch_cpu.so dnnl::impl::cpu::simple_sum_t..." from a HotSpot fatal-error log, or "" when
     * there is none (a crash the JVM did not log, an exit, a kill).
     */
    static String summary(Path hsErr) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(hsErr)) {
                return "";
            }
            lines = Files.readAllLines(hsErr);
        } catch (IOException e) {
            return "";
        }
        String signal = "";
        String frame = "";
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (signal.isEmpty() && l.matches("#\\s+SIG[A-Z]+ .*")) {
                signal = l.replaceFirst("#\\s+", "").split(" ")[0];
            } else if (l.startsWith("# Problematic frame:") && i + 1 < lines.size()) {
                frame = lines.get(i + 1).replaceFirst("#\\s+[A-Za-z]\\s+", "").replaceAll("\\+0x[0-9a-f]+", "").trim();
            }
        }
        if (signal.isEmpty() && frame.isEmpty()) {
            return "the JVM's fatal-error handler ran (log " + hsErr + ")";
        }
        String s = (signal.isEmpty() ? "fatal error" : signal) + (frame.isEmpty() ? "" : " in " + frame);
        return s.length() > FRAME_CHARS ? s.substring(0, FRAME_CHARS) + "..." : s;
    }

    /** The last {@code chars} characters of a text file on one line, "" when empty or unreadable. */
    static String tail(Path file, int chars) {
        try {
            String s = Files.readString(file).strip().replaceAll("\\s+", " ");
            return s.length() > chars ? "..." + s.substring(s.length() - chars) : s;
        } catch (IOException e) {
            return "";
        }
    }

    /** ", SIGABRT" etc. for an exit status above 128, else "". */
    static String signalName(int status) {
        return switch (status - 128) {
            case 4 -> ", SIGILL";
            case 6 -> ", SIGABRT";
            case 7 -> ", SIGBUS";
            case 8 -> ", SIGFPE";
            case 9 -> ", SIGKILL";
            case 11 -> ", SIGSEGV";
            default -> "";
        };
    }
}
