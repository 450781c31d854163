package dev.hankosync.sync;

import java.time.Instant;

/**
 * Builds a finished {@link SyncReport} by hand, through the same recording methods the engine uses, so report
 * renderers can be tested on exact counts and rows without running a sync.
 */
public final class ReportFixture {

    private final SyncReport report;

    private ReportFixture(boolean dryRun) {
        report = new SyncReport(dryRun, "users", Instant.parse("2026-12-03T16:00:00Z"));
        report.scanned(0, 1, true, null);
    }

    public static ReportFixture dryRun() {
        return new ReportFixture(true);
    }

    public static ReportFixture realRun() {
        return new ReportFixture(false);
    }

    public ReportFixture scanned(long users, int requests, long tableRows) {
        report.scanned(users, requests, true, null);
        report.tableRead(tableRows);
        return this;
    }

    public ReportFixture row(Action action, String userId, String email, String previousEmail, String error) {
        if (action == Action.DELETED) {
            report.count(Action.MISSING, 1); // as the engine does: a deleted row was a missing one
        }
        report.record(new RowResult(action, userId, email, previousEmail, error), true);
        return this;
    }

    public ReportFixture rows(Action action, int n) {
        for (int i = 0; i < n; i++) {
            row(action, String.format("00000000-0000-4000-8000-%012d", i + action.ordinal() * 1000L),
                    action.key() + i + "@example.com", action == Action.UPDATED ? "old" + i + "@example.com" : null,
                    action == Action.FAILED ? "23502: null value in column \"email\"" : null);
        }
        return this;
    }

    public ReportFixture unchanged(long n) {
        report.count(Action.UNCHANGED, n);
        return this;
    }

    public ReportFixture deletionRefused(String reason) {
        report.deletionRefused(reason);
        return this;
    }

    public ReportFixture interrupted() {
        report.interrupted();
        return this;
    }

    public SyncReport finish() {
        report.finish(Instant.parse("2026-12-03T16:00:00.812Z"));
        return report;
    }
}
