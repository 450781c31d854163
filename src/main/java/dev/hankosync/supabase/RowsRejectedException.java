package dev.hankosync.supabase;

/**
 * The database refused the data of a write (a constraint or type error, HTTP 400/409 with a SQLSTATE or
 * PostgREST code). Nothing of that request was written, so the caller may split the batch and retry.
 */
public class RowsRejectedException extends RuntimeException {
    private final String code;
    private final String detail;

    public RowsRejectedException(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    /** The SQLSTATE or PostgREST code, e.g. {@code 23502}; "unknown" when the body had none. */
    public String code() {
        return code;
    }

    /** The database's message. */
    public String detail() {
        return detail;
    }
}
