package dev.hankosync.http;

/**
 * A call to Hanko or Supabase failed for good (after any retries). The message is one line for an
 * operator: which API, the method and URL path (never the query, never a key), the status and the cause.
 */
public class ApiException extends RuntimeException {
    private final String api;
    private final int status;
    private final String code;

    public ApiException(String api, int status, String code, String message) {
        super(message);
        this.api = api;
        this.status = status;
        this.code = code;
    }

    public ApiException(String api, String message, Throwable cause) {
        super(message, cause);
        this.api = api;
        this.status = -1;
        this.code = null;
    }

    /** "Hanko" or "Supabase". */
    public String api() {
        return api;
    }

    /** The last HTTP status, or -1 when no response came (connection failure, timeout). */
    public int status() {
        return status;
    }

    /** The error body's code (PostgREST code or SQLSTATE, Hanko's numeric code as text), or null. */
    public String code() {
        return code;
    }
}
