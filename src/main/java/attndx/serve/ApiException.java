package attndx.serve;

/** A request the API refuses, with the HTTP status it answers and a message for the client. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }
}
