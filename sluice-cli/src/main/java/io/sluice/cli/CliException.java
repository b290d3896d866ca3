package io.sluice.cli;

/**
 * A failure the user can act on. Its message is printed as is (one line, no stack trace unless
 * {@code --verbose}), so it says what went wrong and what to do.
 */
public final class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
