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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives one sync: read the table, scan Hanko, confirm missing users, reconcile, then write (unless dry run) in
 * the order creates, updates, deletes. Every outcome goes into the {@link SyncReport} as it happens, so a run
 * stopped by a failure or a signal still reports what it wrote.
 */
public final class SyncEngine {

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
        SyncReport report = new SyncReport(options.dryRun(), tableName, clock.instant());
        try {
            execute(report);
        } catch (ApiException e) {
            report.stoppedBy(e.getMessage());
        } catch (StopRequested e) {
            report.interrupted();
        } finally {
            report.finish(clock.instant());
        }
        return report;
    }

    private void execute(SyncReport report) {
        listener.phase("reading table " + tableName);
        List<TableRow> rows = new ArrayList<>();
        table.readAll(options.tablePageSize(), page -> {
            rows.addAll(page);
            listener.progress(rows.size(), -1);
            checkStop();
        });
        report.tableRead(rows.size());

        listener.phase("scanning Hanko users");
        ScanResult scan = new HankoUserScan(hanko, options.pageSize(), options.maxScanPasses(), seen -> {
            listener.progress(seen, -1);
            checkStop();
        }).run();
        Map<String, String> users = scan.users();
        if (!scan.complete()) {
            report.warn("Hanko scan incomplete: " + scan.incompleteReason());
            listener.warning("Hanko scan incomplete: " + scan.incompleteReason());
        }

        confirmAbsent(users, rows);
        report.scanned(users.size(), scan.requests(), scan.complete(), scan.incompleteReason());

        Plan plan = Reconciler.reconcile(users, rows, options.listUnchanged());
        if (options.listUnchanged()) {
            plan.unchanged().forEach(row ->
                    report.record(new RowResult(Action.UNCHANGED, row.userId(), row.email(), null, null), true));
        } else {
            report.count(Action.UNCHANGED, plan.unchangedCount());
        }
        for (Plan.Duplicate dup : plan.duplicates()) {
            report.record(new RowResult(Action.DUPLICATE, dup.userId(), dup.email(), null,
                    null), true);
        }

        String refusal = deletionRefusal(plan, users, rows, scan);
        if (refusal != null && options.deleteMissing()) {
            report.deletionRefused(refusal);
            listener.warning("not deleting: " + refusal);
        }

        if (options.dryRun()) {
            plan.creates().forEach(c -> report.record(created(c), true));
            plan.updates().forEach(u -> report.record(updated(u), true));
        } else {
            writeCreates(plan.creates(), report);
            writeUpdates(plan.updates(), report);
        }
        handleMissing(plan.missing(), options.deleteMissing() && refusal == null, report);
    }

    /**
     * A row may only be called missing once Hanko says its user does not exist: the list can skip users, so the
     * ones the scan did not see are looked up by id, and those found join the users.
     */
    private void confirmAbsent(Map<String, String> users, List<TableRow> rows) {
        Set<String> unseen = new LinkedHashSet<>();
        for (TableRow row : rows) {
            String userId = Reconciler.canonicalId(row.userId());
            if (userId != null && !users.containsKey(userId)) {
                unseen.add(userId);
            }
        }
        if (unseen.isEmpty()) {
            return;
        }
        listener.phase("confirming " + unseen.size() + " users absent from the list");
        for (HankoUser user : hanko.findByIds(unseen)) {
            users.put(user.id(), user.email());
        }
    }

    private String deletionRefusal(Plan plan, Map<String, String> users, List<TableRow> rows, ScanResult scan) {
        if (plan.missing().isEmpty()) {
            return null;
        }
        if (!scan.complete()) {
            return "the Hanko scan was incomplete (" + scan.incompleteReason() + ")";
        }
        if (users.isEmpty() && !rows.isEmpty() && !options.allowEmptySource()) {
            return "Hanko listed no users while the table has " + rows.size()
                    + " rows (a wrong Hanko URL or tenant looks like this); pass --allow-empty-source to delete anyway";
        }
        if (plan.missing().size() > options.maxDelete()) {
            return plan.missing().size() + " rows are missing from Hanko, more than --max-delete "
                    + options.maxDelete();
        }
        return null;
    }

    private void writeCreates(List<NewRow> creates, SyncReport report) {
        if (creates.isEmpty()) {
            return;
        }
        listener.phase("creating " + creates.size() + " rows");
        long[] done = {0};
        new InsertBatches(table, options.batchSize()).insertAll(creates, new InsertBatches.Outcome() {
            @Override
            public void created(NewRow row) {
                report.record(SyncEngine.created(row), true);
                listener.progress(++done[0], creates.size());
            }

            @Override
            public void alreadyPresent(NewRow row) {
                // The app's sign-in route inserted it between our read and our write.
                report.record(new RowResult(Action.UNCHANGED, row.userId(), row.email(), null, null),
                        options.listUnchanged());
                listener.progress(++done[0], creates.size());
            }

            @Override
            public void failed(NewRow row, String error) {
                report.record(new RowResult(Action.FAILED, row.userId(), row.email(), null, error), true);
                listener.progress(++done[0], creates.size());
            }
        }, this::checkStop);
    }

    private void writeUpdates(List<Plan.Update> updates, SyncReport report) {
        if (updates.isEmpty()) {
            return;
        }
        listener.phase("updating " + updates.size() + " rows");
        long done = 0;
        for (Plan.Update update : updates) {
            checkStop();
            try {
                table.updateEmail(update.rowId(), update.email());
                report.record(updated(update), true);
            } catch (RowsRejectedException e) {
                report.record(new RowResult(Action.FAILED, update.userId(), update.email(), update.previousEmail(),
                        e.code() + ": " + e.detail()), true);
            }
            listener.progress(++done, updates.size());
        }
    }

    private void handleMissing(List<TableRow> missing, boolean delete, SyncReport report) {
        if (!delete) {
            missing.forEach(row -> report.record(missingRow(row, Action.MISSING), true));
            return;
        }
        if (!options.dryRun() && !missing.isEmpty()) {
            listener.phase("deleting " + missing.size() + " rows");
        }
        int done = 0;
        try {
            for (; done < missing.size(); done += options.batchSize()) {
                List<TableRow> chunk = missing.subList(done, Math.min(missing.size(), done + options.batchSize()));
                if (!options.dryRun()) {
                    checkStop();
                    table.delete(chunk.stream().map(TableRow::rowId).toList());
                }
                for (TableRow row : chunk) {
                    report.count(Action.MISSING, 1);
                    report.record(missingRow(row, Action.DELETED), true);
                }
            }
        } finally {
            // Whatever was not deleted when a failure or a stop came is still missing, and the report says so.
            for (TableRow row : missing.subList(Math.min(done, missing.size()), missing.size())) {
                report.record(missingRow(row, Action.MISSING), true);
            }
        }
    }

    private void checkStop() {
        if (stopRequested) {
            throw new StopRequested();
        }
    }

    private static RowResult created(NewRow row) {
        return new RowResult(Action.CREATED, row.userId(), row.email(), null, null);
    }

    private static RowResult updated(Plan.Update u) {
        return new RowResult(Action.UPDATED, u.userId(), u.email(), u.previousEmail(), null);
    }

    private static RowResult missingRow(TableRow row, Action action) {
        return new RowResult(action, row.userId(), row.email(), null, null);
    }

    /** Unwinds the run to its report when a stop was requested; never escapes {@link #run()}. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super(null, null, false, false);
        }
    }
}
