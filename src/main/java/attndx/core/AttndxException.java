package attndx.core;

/**
 * An error the user can cause and fix (bad file, bad config, bad request). Its message names
 * what failed, what was expected, what was found and where; the CLI prints only the message
 * (plus the stack trace with {@code --verbose}).
 */
public class AttndxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AttndxException(String message) {
        super(message);
    }

    public AttndxException(String message, Throwable cause) {
        super(message, cause);
    }
}
