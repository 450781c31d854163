package dev.hankosync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a sync found and did; filled in by the engine as it goes, so that a run stopped half way still reports
 * exactly what was written before it stopped.
 */
public final class SyncReport {

    private final boolean dryRun;
    private final String table;
    private final Instant startedAt;
    private Instant finishedAt;
    private long hankoUsers;
    private int hankoRequests;
    private boolean scanComplete;
    private String scanIncompleteReason;
    private long tableRows;
    private long duplicatesLeft = -1;
    private final Map<Action, Long> counts = new EnumMap<>(Action.class);
    private final RowLog rows;
    private final List<String> warnings = new ArrayList<>();
    private String stoppedBy;
    private String deletionRefused;
    private boolean interrupted;
    private final SyncListener rowListener;
    private final Timings timings = new Timings();

    public SyncReport(boolean dryRun, String table, Instant startedAt) {
        this(dryRun, table, startedAt, SyncListener.SILENT);
    }

    /** @param rowListener told of every listed row as it is recorded ({@link SyncListener#rowDone}) */
    public SyncReport(boolean dryRun, String table, Instant startedAt, SyncListener rowListener) {
        this(dryRun, table, startedAt, rowListener, RowLog.IN_MEMORY);
    }

    /** @param rowsInMemory how many listed rows to hold in memory before keeping them in a temporary file */
    public SyncReport(boolean dryRun, String table, Instant startedAt, SyncListener rowListener, int rowsInMemory) {
        this.rows = new RowLog(rowsInMemory);
        this.rowListener = rowListener;
        this.dryRun = dryRun;
        this.table = table;
        this.startedAt = startedAt;
        for (Action action : Action.values()) {
            counts.put(action, 0L);
        }
    }

    synchronized void record(RowResult row, boolean listed) {
        counts.merge(row.action(), 1L, Long::sum);
        if (listed) {
            rows.add(row);
            rowListener.rowDone(row);
        }
    }

    synchronized void count(Action action, long n) {
        counts.merge(action, n, Long::sum);
    }

    synchronized void warn(String message) {
        warnings.add(message);
    }

    /** Keeps a warning from outside the engine (settings, clients) with the report, for JSON readers. */
    public void addWarning(String message) {
        warn(message);
    }

    void scanned(long users, int requests, boolean complete, String incompleteReason) {
        this.hankoUsers = users;
        this.hankoRequests = requests;
        this.scanComplete = complete;
        this.scanIncompleteReason = incompleteReason;
    }

    void tableRead(long rowCount) {
        this.tableRows = rowCount;
    }

    void duplicatesLeft(long users) {
        this.duplicatesLeft = users;
    }

    /** Users this run created that have more than one row after it, or -1 when not counted (not needed). */
    public long duplicatesLeft() {
        return duplicatesLeft;
    }

    void stoppedBy(String reason) {
        this.stoppedBy = reason;
    }

    void interrupted() {
        this.interrupted = true;
    }

    void deletionRefused(String reason) {
        this.deletionRefused = reason;
    }

    void finish(Instant at) {
        this.finishedAt = at;
        rows.finish();
    }

    public boolean dryRun() {
        return dryRun;
    }

    public String table() {
        return table;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt == null ? startedAt : finishedAt);
    }

    public long hankoUsers() {
        return hankoUsers;
    }

    public int hankoRequests() {
        return hankoRequests;
    }

    public boolean scanComplete() {
        return scanComplete;
    }

    public String scanIncompleteReason() {
        return scanIncompleteReason;
    }

    public long tableRows() {
        return tableRows;
    }

    public synchronized long count(Action action) {
        return counts.get(action);
    }

    /** Every listed row; for large runs prefer {@link #forEachRow}, which does not load them all at once. */
    public List<RowResult> rows() {
        List<RowResult> all = new ArrayList<>();
        rows.forEach(all::add);
        return Collections.unmodifiableList(all);
    }

    /** Hands every listed row to {@code action}, in report order, reading spilled rows back one at a time. */
    public void forEachRow(Consumer<RowResult> action) {
        rows.forEach(action);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Why the run stopped before finishing (a failure after retries), or null when it finished. */
    public String stoppedBy() {
        return stoppedBy;
    }

    /** Why missing rows were not deleted although deletion was asked for, or null. */
    public String deletionRefused() {
        return deletionRefused;
    }

    /** Where the run spent its time. */
    public Timings timings() {
        return timings;
    }

    public boolean wasInterrupted() {
        return interrupted;
    }

    /** Whether anything was (or in a dry run would be) created, updated or deleted. */
    public boolean changedAnything() {
        return count(Action.CREATED) + count(Action.UPDATED) + count(Action.DELETED) > 0;
    }
}
