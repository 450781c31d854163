package dev.hankosync.sync;

import dev.hankosync.hanko.HankoDirectory;
import dev.hankosync.hanko.HankoUser;
import dev.hankosync.http.ApiException;
import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.RowsRejectedException;
import dev.hankosync.supabase.TableRow;
import dev.hankosync.supabase.UserTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one sync as a pipeline: the table is read while Hanko's first pages arrive; each page of users is
 * reconciled as soon as the table is known, and its creates and updates are written in the background while
 * later pages are fetched. Rows whose users the scan never showed are looked up by id, and only those Hanko
 * confirms absent are missing; deletion comes last, and only after a complete scan.
 *
 * <p>Every outcome goes into the {@link SyncReport} as it happens, so a run stopped by a failure or a signal still
 * reports exactly what it wrote.
 */
public final class SyncEngine {

    /** Ids per lookup when confirming that users are absent (each a request of its own). */
    private static final int CONFIRM_CHUNK = 500;

    private final HankoDirectory hanko;
    private final UserTable table;
    private final String tableName;
    private final SyncOptions options;
    private final SyncListener listener;
    private final Clock clock;
    private volatile boolean stopRequested;

    public SyncEngine(HankoDirectory hanko, UserTable table, String tableName, SyncOptions options,
                      SyncListener listener, Clock clock) {
        this.hanko = hanko;
        this.table = table;
        this.tableName = tableName;
        this.options = options;
        this.listener = listener;
        this.clock = clock;
    }

    /** Asks the run to stop before its next request (from a signal handler). */
    public void requestStop() {
        stopRequested = true;
    }

    public SyncReport run() {
        return run(new SyncReport(options.dryRun(), tableName, clock.instant()));
    }

    /** Runs into a report the caller made (to listen to its rows as they are recorded). */
    public SyncReport run(SyncReport report) {
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());
        Run run = new Run(report, pool);
        try {
            run.execute();
        } catch (ApiException e) {
            report.stoppedBy(e.getMessage());
        } catch (StopRequested e) {
            report.interrupted();
        } finally {
            // Writes in flight may already have committed: let each end and report itself before the report
            // closes. They stop at their next request once a stop was asked for or a failure was seen.
            if (report.stoppedBy() != null || report.wasInterrupted()) {
                stopRequested = true;
            }
            run.writes.drain();
            run.recordScanIfCutShort();
            pool.shutdownNow(); // only reads can still be running: Hanko pages past a failure
            report.finish(clock.instant());
        }
        return report;
    }

    private void checkStop() {
        if (stopRequested) {
            throw new StopRequested();
        }
    }

    /** The state of one run. */
    private final class Run {
        private final SyncReport report;
        private final ExecutorService pool;
        private final WriteQueue writes;
        private final long[] key = new long[2];
        private final List<NewRow> pendingCreates = new ArrayList<>();
        private final HankoDirectory hanko;
        private final Timings timings;
        private TableIndex index;
        private Future<TableIndex> tableRead;
        private long usersFoundById;
        private long handled;
        /** Users this run inserted rows for, to count duplicates after a run on a table without a constraint. */
        private final UserKeySet createdUsers = new UserKeySet();
        private HankoUserScan scan;
        private boolean scanRecorded;

        Run(SyncReport report, ExecutorService pool) {
            this.report = report;
            this.pool = pool;
            this.writes = new WriteQueue(pool, options.concurrency());
            this.timings = report.timings();
            this.hanko = new TimedDirectory(SyncEngine.this.hanko, timings);
        }

        void execute() {
            listener.phase("reading table " + tableName + " and scanning Hanko users");
            tableRead = pool.submit(this::readTable);
            scan = new HankoUserScan(hanko, options.pageSize(), options.maxScanPasses(), options.concurrency(), pool,
                    SyncEngine.this::checkStop);
            ScanResult scanned = scan.run(this::reconcile);
            tableIndex(); // an empty Hanko hands on no page, yet the table must still be read
            // Users deleted during the scan whose rows are not written yet need none.
            Set<String> deleted = new HashSet<>(scanned.deletedDuringScan());
            pendingCreates.removeIf(row -> deleted.remove(row.userId()));
            flushCreates();
            if (!deleted.isEmpty()) {
                warn(deleted.size() + " users were deleted from Hanko during the scan after their rows were"
                        + " reconciled; those rows show as missing on the next run");
            }
            report.scanned(scanned.users(), scanned.requests(), scanned.complete(), scanned.incompleteReason());
            scanRecorded = true;
            handleUnmatchedRows(scanned);
            writes.awaitAll();
            countDuplicatesLeft();
        }

        /** A run stopped during the scan still reports how far the scan got. */
        void recordScanIfCutShort() {
            if (scan != null && !scanRecorded) {
                report.scanned(scan.usersSoFar(), scan.requestsSoFar(), false,
                        "the run stopped before the scan finished");
            }
        }

        /**
         * Without a unique constraint, the app's sign-in route can insert a user's row in the moment between this
         * run's check and its insert. One more read of the table says how many of the users this run created now
         * have more than one row, so the report does not call such a run clean.
         */
        private void countDuplicatesLeft() {
            if (options.dryRun() || createdUsers.size() == 0 || !table.insertsCanDuplicate()) {
                return;
            }
            listener.phase("counting duplicate rows (the table has no unique constraint on the user id)");
            UserKeySet once = new UserKeySet(createdUsers.size());
            UserKeySet twice = new UserKeySet();
            long[] k = new long[2];
            timings.time(Timings.Part.TABLE_READ, () -> table.readAll(options.tablePageSize(), page -> {
                for (TableRow row : page) {
                    if (UserKey.parse(row.userId(), k) && createdUsers.contains(k[0], k[1])
                            && !once.add(k[0], k[1])) {
                        twice.add(k[0], k[1]);
                    }
                }
            }));
            report.duplicatesLeft(twice.size());
            if (twice.size() > 0) {
                warn((twice.size() == 1 ? "1 user this run created now has" : twice.size()
                        + " users this run created now have") + " more than one row: another writer inserted them"
                        + " at the same moment (the table has no unique constraint on the user id); the next run"
                        + " lists them as duplicate");
            }
        }

        /**
         * A list that kept hiding some users is still known whole when the users it showed plus those found by id
         * (rows whose users the list skipped) reach its count.
         */
        private boolean complete(ScanResult scan) {
            return scan.complete() || (scan.totalCount() >= 0
                    && scan.users() + usersFoundById - scan.deletedDuringScan().size() >= scan.totalCount());
        }

        private TableIndex readTable() {
            TableIndex read = new TableIndex();
            timings.time(Timings.Part.TABLE_READ, () -> table.readAll(options.tablePageSize(), page -> {
                checkStop();
                page.forEach(read::add);
            }));
            return read;
        }

        private TableIndex tableIndex() {
            if (index == null) {
                index = Futures.await(tableRead, StopRequested::new);
                report.tableRead(index.size());
                listener.phase("table " + tableName + " has " + index.size() + " rows; reconciling");
            }
            return index;
        }

        /** Each Hanko user once: decide, and queue what must be written. */
        private void reconcile(List<HankoUser> users) {
            TableIndex rows = tableIndex();
            timings.time(Timings.Part.RECONCILE, () -> reconcile(users, rows));
            // outside the timing: waiting for a free write slot is writing time, not reconciling time
            while (pendingCreates.size() >= options.batchSize()) {
                flushCreates();
            }
            listener.progress(handled, scan == null ? -1 : scan.totalSoFar());
        }

        private void reconcile(List<HankoUser> users, TableIndex rows) {
            for (HankoUser user : users) {
                if (!UserKey.parse(user.id(), key)) {
                    continue;
                }
                int first = rows.firstRow(key[0], key[1]);
                int count = 0;
                for (int r = first; r >= 0 && count < 2; r = rows.nextRowOfUser(r)) {
                    count++;
                }
                if (first >= 0) {
                    rows.markMatched(first);
                }
                switch (Reconciler.decide(count, count == 1 && rows.emailEquals(first, user.email()))) {
                    case CREATED -> pendingCreates.add(new NewRow(user.id(), user.email()));
                    case DUPLICATE -> report.record(
                            new RowResult(Action.DUPLICATE, user.id(), user.email(), null, null), true);
                    case UNCHANGED -> report.record(new RowResult(Action.UNCHANGED, user.id(), user.email(), null,
                            null), options.listUnchanged());
                    default -> update(rows.rowId(first), user.id(), rows.email(first), user.email());
                }
            }
            handled += users.size();
        }

        /** Sends the first batch of pending creates (all of them when fewer than a batch). */
        private void flushCreates() {
            if (pendingCreates.isEmpty()) {
                return;
            }
            List<NewRow> head = pendingCreates.subList(0, Math.min(pendingCreates.size(), options.batchSize()));
            List<NewRow> batch = List.copyOf(head);
            head.clear();
            if (options.dryRun()) {
                batch.forEach(row -> report.record(created(row), true));
                return;
            }
            writes.submit(() -> timings.time(Timings.Part.WRITE, () -> new InsertBatches(table, options.batchSize())
                    .insertAll(batch, new CreateOutcome(), SyncEngine.this::checkStop)));
        }

        private void update(String rowId, String userId, String previousEmail, String email) {
            RowResult done = new RowResult(Action.UPDATED, userId, email, previousEmail, null);
            if (options.dryRun()) {
                report.record(done, true);
                return;
            }
            writes.submit(() -> {
                checkStop();
                try {
                    timings.time(Timings.Part.WRITE, () -> table.updateEmail(rowId, email));
                    report.record(done, true);
                } catch (RowsRejectedException e) {
                    report.record(new RowResult(Action.FAILED, userId, email, previousEmail,
                            e.code() + ": " + e.detail()), true);
                }
            });
        }

        /**
         * Rows the scan matched to no user: Hanko is asked about each user id (the list can skip users), users it
         * still has are reconciled like any other, and the rest are missing. They are deleted only on request,
         * after a complete scan, and within --max-delete.
         */
        private void handleUnmatchedRows(ScanResult scan) {
            List<TableRow> unmatched = new ArrayList<>();
            index.forEachUnmatched(unmatched::add);
            if (unmatched.isEmpty()) {
                settleCompleteness(scan);
                return;
            }
            listener.phase("confirming with Hanko that " + unmatched.size() + " rows' users are gone");
            List<TableRow> missing = new ArrayList<>();
            // Lookups go out --concurrency at a time, their answers taken in order: a wrong tenant URL in front of
            // a large table should reach the deletion guard in seconds, not minutes.
            // Grouped by user over all the rows first, so a user with rows far apart is asked about once.
            Map<String, List<TableRow>> rowsByUser = byUserId(unmatched);
            List<String> userIds = new ArrayList<>(rowsByUser.keySet());
            java.util.Deque<Future<List<HankoUser>>> inFlight = new java.util.ArrayDeque<>();
            java.util.Deque<Map<String, List<TableRow>>> chunks = new java.util.ArrayDeque<>();
            int from = 0;
            try {
                while (from < userIds.size() || !inFlight.isEmpty()) {
                    while (from < userIds.size() && inFlight.size() < options.concurrency()) {
                        checkStop();
                        Map<String, List<TableRow>> byUser = new LinkedHashMap<>();
                        for (String userId : userIds.subList(from, Math.min(userIds.size(), from + CONFIRM_CHUNK))) {
                            byUser.put(userId, rowsByUser.get(userId));
                        }
                        from += CONFIRM_CHUNK;
                        chunks.add(byUser);
                        inFlight.add(pool.submit(() -> hanko.findByIds(byUser.keySet())));
                    }
                    Map<String, List<TableRow>> byUser = chunks.poll();
                    List<HankoUser> stillThere = Futures.await(inFlight.poll(), StopRequested::new);
                    for (HankoUser user : stillThere) {
                        byUser.remove(user.id());
                    }
                    reconcile(stillThere);
                    usersFoundById += stillThere.size();
                    byUser.values().forEach(missing::addAll);
                }
            } finally {
                inFlight.forEach(f -> f.cancel(true));
            }
            flushCreates();
            settleCompleteness(scan);

            String refusal = options.deleteMissing() ? deletionRefusal(scan, missing.size()) : null;
            if (refusal != null) {
                report.deletionRefused(refusal);
                warn("not deleting: " + refusal);
            }
            if (!options.deleteMissing() || refusal != null) {
                missing.forEach(row -> report.record(missingRow(row, Action.MISSING), true));
                return;
            }
            writes.awaitAll(); // deletes go last, after every create and update has landed
            delete(missing);
        }

        private void settleCompleteness(ScanResult scan) {
            boolean complete = complete(scan);
            report.scanned(scan.users() + usersFoundById, scan.requests(), complete,
                    complete ? null : scan.incompleteReason());
            if (!complete) {
                warn("Hanko scan incomplete: " + scan.incompleteReason());
            }
        }

        private Map<String, List<TableRow>> byUserId(List<TableRow> rows) {
            Map<String, List<TableRow>> byUser = new LinkedHashMap<>();
            for (TableRow row : rows) {
                // a null user id becomes "", which is no UUID: never looked up, always missing
                String userId = Objects.toString(Reconciler.canonicalId(row.userId()), "");
                byUser.computeIfAbsent(userId, k -> new ArrayList<>()).add(row);
            }
            return byUser;
        }

        private String deletionRefusal(ScanResult scan, int missingCount) {
            if (missingCount == 0) {
                return null;
            }
            if (!complete(scan)) {
                return "the Hanko scan was incomplete (" + scan.incompleteReason() + ")";
            }
            if (scan.users() == 0 && index.size() > 0 && !options.allowEmptySource()) {
                return "Hanko listed no users while the table has " + index.size()
                        + " rows (a wrong Hanko URL or tenant looks like this); pass --allow-empty-source to"
                        + " delete anyway";
            }
            if (missingCount > options.maxDelete()) {
                return missingCount + " rows are missing from Hanko, more than --max-delete " + options.maxDelete();
            }
            return null;
        }

        private void delete(List<TableRow> missing) {
            if (!options.dryRun()) {
                listener.phase("deleting " + missing.size() + " rows");
            }
            int[] reported = {0}; // rows of `missing` whose outcome is in the report, in order
            try {
                for (int from = 0; from < missing.size(); from += options.batchSize()) {
                    List<TableRow> chunk = missing.subList(from, Math.min(missing.size(), from + options.batchSize()));
                    if (!options.dryRun()) {
                        checkStop();
                        try {
                            timings.time(Timings.Part.WRITE,
                                    () -> table.delete(chunk.stream().map(TableRow::rowId).toList()));
                        } catch (RowsRejectedException e) {
                            deleteOneByOne(chunk, reported); // a foreign key refused some: find which
                            continue;
                        }
                    }
                    for (TableRow row : chunk) {
                        report.count(Action.MISSING, 1);
                        report.record(missingRow(row, Action.DELETED), true);
                        reported[0]++;
                    }
                }
            } finally {
                // Whatever was not deleted when a failure or a stop came is still missing, and the report says so.
                for (TableRow row : missing.subList(reported[0], missing.size())) {
                    report.record(missingRow(row, Action.MISSING), true);
                }
            }
        }

        private void deleteOneByOne(List<TableRow> rows, int[] reported) {
            for (TableRow row : rows) {
                checkStop();
                try {
                    timings.time(Timings.Part.WRITE, () -> table.delete(List.of(row.rowId())));
                    report.count(Action.MISSING, 1);
                    report.record(missingRow(row, Action.DELETED), true);
                } catch (RowsRejectedException e) {
                    report.count(Action.MISSING, 1); // still missing, and its delete failed
                    report.record(new RowResult(Action.FAILED, row.userId(), row.email(), null,
                            e.code() + ": " + e.detail()), true);
                }
                reported[0]++;
            }
        }

        private void warn(String message) {
            report.warn(message);
            listener.warning(message);
        }

        /** Outcomes of one insert batch, recorded as they are learnt. */
        private final class CreateOutcome implements InsertBatches.Outcome {
            @Override
            public void created(NewRow row) {
                report.record(SyncEngine.created(row), true);
                long[] k = new long[2];
                if (UserKey.parse(row.userId(), k)) {
                    synchronized (createdUsers) {
                        createdUsers.add(k[0], k[1]);
                    }
                }
            }

            @Override
            public void alreadyPresent(NewRow row) {
                // The app's sign-in route inserted it between our read and our write.
                report.record(new RowResult(Action.UNCHANGED, row.userId(), row.email(), null, null),
                        options.listUnchanged());
            }

            @Override
            public void failed(NewRow row, String error) {
                report.record(new RowResult(Action.FAILED, row.userId(), row.email(), null, error), true);
            }
        }
    }

    private static RowResult created(NewRow row) {
        return new RowResult(Action.CREATED, row.userId(), row.email(), null, null);
    }

    private static RowResult missingRow(TableRow row, Action action) {
        return new RowResult(action, row.userId(), row.email(), null, null);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hanko-sync-io-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Unwinds the run to its report when a stop was requested; never escapes {@link #run()}. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super(null, null, false, false);
        }
    }
}
