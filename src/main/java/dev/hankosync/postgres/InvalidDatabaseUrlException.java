package dev.hankosync.postgres;

/**
 * The database URL cannot be used. The message is one line for an operator and never quotes the URL or a piece of
 * it, since the URL may hold the password; the CLI turns it into a configuration error (exit code 2).
 */
public final class InvalidDatabaseUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
