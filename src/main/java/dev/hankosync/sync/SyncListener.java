package dev.hankosync.sync;

/** What a running sync tells the person or log watching it. Every method has a silent default. */
public interface SyncListener {

    SyncListener SILENT = new SyncListener() {};

    /** A phase starts: "reading table", "scanning Hanko", "writing". */
    default void phase(String name) {}

    /** Progress within the phase: {@code done} of {@code total} (total -1 when unknown). */
    default void progress(long done, long total) {}

    /** Something the operator should know that does not stop the run. */
    default void warning(String message) {}

    /**
     * A row the report lists was recorded (created, updated, failed, ...), as it happens: what
     * {@code --format ndjson} streams. Called by {@link SyncReport} while it holds its lock, so calls never overlap.
     */
    default void rowDone(RowResult row) {}
}
