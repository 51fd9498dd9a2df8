package attndx.cli;

import attndx.core.AttndxException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a user error as one clear message (exit 1); other exceptions are bugs and also print
 * their type. The stack trace appears only with {@code --verbose} anywhere on the command line.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean verbose = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
        var err = cl.getErr();
        if (ex instanceof AttndxException || ex instanceof IllegalArgumentException) {
            err.println("error: " + ex.getMessage());
        } else {
            err.println("internal error: " + ex);
        }
        if (verbose) {
            ex.printStackTrace(err);
        } else if (!(ex instanceof AttndxException)) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return 1;
    }
}
