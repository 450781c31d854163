package dev.hankosync.cli;

/** The exit codes of the contract, in one place. */
public final class ExitCodes {
    /** Finished; everything reconciled (or, in a dry run, planned). */
    public static final int OK = 0;
    /** Stopped by a runtime failure: an API unreachable after retries, rejected credentials, an incomplete scan. */
    public static final int RUNTIME_FAILURE = 1;
    /** Usage or configuration error, before any request. */
    public static final int USAGE = 2;
    /** Finished, but some rows failed. */
    public static final int ROWS_FAILED = 3;
    /** With --detailed-exitcode: finished, and rows were (or would be) created, updated or deleted. */
    public static final int CHANGES = 4;
    /** The deletion guard refused; nothing deleted. */
    public static final int DELETION_REFUSED = 5;
    /** Interrupted by SIGINT. */
    public static final int SIGINT = 130;
    /** Interrupted by SIGTERM. */
    public static final int SIGTERM = 143;

    private ExitCodes() {}
}
