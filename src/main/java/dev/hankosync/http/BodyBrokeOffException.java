package dev.hankosync.http;

import java.io.IOException;

/**
 * A successful answer's body broke off in transit (the connection closed or stalled before its last byte), after
 * any retries. Kept apart from a failure to connect because it means something else to the operator: the server
 * was reached and answered, but the answer cannot be used.
 */
public final class BodyBrokeOffException extends IOException {

    private final int status;

    public BodyBrokeOffException(int status, IOException cause) {
        super("the HTTP " + status + " answer broke off before its end ("
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")", cause);
        this.status = status;
    }

    /** The status of the answer whose body broke off. */
    public int status() {
        return status;
    }
}
