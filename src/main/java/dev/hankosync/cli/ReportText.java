package dev.hankosync.cli;

import dev.hankosync.sync.Action;
import dev.hankosync.sync.RowResult;
import dev.hankosync.sync.SyncReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The human report, shaped like a plan to review: rows grouped by what happens to them, each marked {@code +}
 * create, {@code ~} update (old → new email), {@code -} delete, {@code ?} missing (kept), {@code !} duplicate,
 * {@code x} failed; then a footer such as {@code Plan: 9 to create, 2 to update, 3 missing (kept), 1 duplicate.}
 * A dry run says "would"; a real run says what was done. On a terminal each group is capped so a backfill of
 * 100,000 users does not flood it; output that goes to a file or a pipe lists every row.
 */
final class ReportText {

    /** Rows shown per group when capped (on a terminal, without --list-all). */
    static final int ROWS_PER_ACTION = 20;

    /** The order groups are shown in: the changes first, as a plan reads, then what is left alone. */
    private static final List<Action> GROUP_ORDER = List.of(Action.CREATED, Action.UPDATED, Action.DELETED,
            Action.MISSING, Action.DUPLICATE, Action.FAILED, Action.UNCHANGED);

    private final Colors colors;
    private final boolean capped;
    private final EmailMask mask;

    /**
     * @param capped show at most {@link #ROWS_PER_ACTION} rows per group (on a terminal, unless --list-all)
     */
    ReportText(Colors colors, boolean capped, EmailMask mask) {
        this.colors = colors;
        this.capped = capped;
        this.mask = mask;
    }

    String render(SyncReport report) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        write(report, out);
        out.flush();
        return text.toString();
    }

    /**
     * Streams the report: the rows are read once to count each group, then once per group to print it, so a
     * report of a million rows (kept in a temporary file) is never held in memory.
     */
    void write(SyncReport report, java.io.PrintWriter out) {
        boolean dry = report.dryRun();
        out.append(colors.bold(dry ? "hanko-sync plan (dry run: nothing was written)" : "hanko-sync result"))
                .append('\n');
        out.append("Hanko: ").append(String.valueOf(report.hankoUsers())).append(" users in ")
                .append(String.valueOf(report.hankoRequests()))
                .append(report.hankoRequests() == 1 ? " request" : " requests")
                .append(report.scanComplete() || report.stoppedBy() != null ? "" : " (scan incomplete)")
                .append("   Supabase table ").append(report.table()).append(": ")
                .append(String.valueOf(report.tableRows())).append(" rows\n");

        Map<Action, long[]> sizes = new EnumMap<>(Action.class);
        report.forEachRow(row -> sizes.computeIfAbsent(row.action(), a -> new long[1])[0]++);
        for (Action action : GROUP_ORDER) {
            long[] size = sizes.get(action);
            if (size != null) {
                appendGroup(out, report, action, size[0], dry);
            }
        }

        out.append('\n').append(footer(report)).append('\n');
        out.append(afterword(report)).append('\n');
        if (report.deletionRefused() != null) {
            out.append(colors.red("Nothing deleted: " + report.deletionRefused())).append('\n');
        }
        if (report.stoppedBy() != null) {
            out.append(colors.red("Stopped early: " + report.stoppedBy())).append('\n');
        }
        if (report.wasInterrupted()) {
            out.append(colors.yellow("Interrupted: the counts above are what was done before the stop."))
                    .append('\n');
        }
    }

    private void appendGroup(java.io.PrintWriter out, SyncReport report, Action action, long size, boolean dry) {
        UnaryOperator<String> paint = paint(action);
        out.append('\n').append(paint.apply(title(action, dry) + " (" + size + "):")).append('\n');
        long shown = capped ? Math.min(size, ROWS_PER_ACTION) : size;
        long[] printed = {0};
        report.forEachRow(row -> {
            if (row.action() == action && printed[0] < shown) {
                RowResult masked = mask.apply(row);
                out.append(paint.apply(line(masked))).append("  [").append(masked.userId()).append("]\n");
                printed[0]++;
            }
        });
        if (shown < size) {
            out.append("  … and ").append(String.valueOf(size - shown)).append(" more")
                    .append(" (--list-all, --format json or --report FILE lists them all)\n");
        }
    }

    private static String title(Action action, boolean dry) {
        return switch (action) {
            case CREATED -> dry ? "Would create" : "Created";
            case UPDATED -> dry ? "Would update" : "Updated";
            case DELETED -> dry ? "Would delete" : "Deleted";
            case MISSING -> "Missing from Hanko, kept";
            case DUPLICATE -> "Duplicate rows, left alone";
            case FAILED -> "Failed";
            case UNCHANGED -> "Unchanged";
        };
    }

    private static String line(RowResult row) {
        return switch (row.action()) {
            case CREATED -> "  + " + show(row.email());
            case UPDATED -> "  ~ " + show(row.previousEmail()) + " → " + show(row.email());
            case DELETED -> "  - " + show(row.email());
            case MISSING -> "  ? " + show(row.email());
            case DUPLICATE -> "  ! " + show(row.email()) + " has several rows";
            case FAILED -> "  x " + show(row.email()) + ": " + row.error();
            case UNCHANGED -> "  = " + show(row.email());
        };
    }

    private UnaryOperator<String> paint(Action action) {
        return switch (action) {
            case CREATED -> colors::green;
            case UPDATED, DUPLICATE -> colors::yellow;
            case DELETED, FAILED -> colors::red;
            case MISSING -> colors::cyan;
            case UNCHANGED -> UnaryOperator.identity();
        };
    }

    /**
     * {@code Plan: 9 to create, 2 to update, 3 missing (kept), 1 duplicate.} or {@code Done: 9 created, ...}:
     * creates and updates always, deletes when there are (or would be) any or deletion was refused, the rest only
     * when there are some.
     */
    static String footer(SyncReport report) {
        boolean dry = report.dryRun();
        boolean stopped = report.stoppedBy() != null || report.wasInterrupted();
        long deleted = report.count(Action.DELETED);
        long kept = report.count(Action.MISSING) - deleted;
        List<String> parts = new ArrayList<>();
        parts.add(report.count(Action.CREATED) + (dry ? " to create" : " created"));
        parts.add(report.count(Action.UPDATED) + (dry ? " to update" : " updated"));
        if (deleted > 0 || report.deletionRefused() != null) {
            parts.add(deleted + (dry ? " to delete" : " deleted"));
        }
        if (kept > 0) {
            parts.add(kept + " missing (kept)");
        }
        long duplicates = report.count(Action.DUPLICATE);
        if (duplicates > 0) {
            parts.add(duplicates + (duplicates == 1 ? " duplicate" : " duplicates"));
        }
        long failed = report.count(Action.FAILED);
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        String prefix = dry ? (stopped ? "Plan (incomplete): " : "Plan: ") : (stopped ? "Done before the stop: " : "Done: ");
        return prefix + String.join(", ", parts) + ".";
    }

    /** The unchanged count and the time taken, and in a dry run how to apply the plan. */
    private static String afterword(SyncReport report) {
        long unchanged = report.count(Action.UNCHANGED);
        String rows = unchanged == 1 ? " row" : " rows";
        String took = " Took " + report.duration().toMillis() + " ms.";
        if (report.dryRun()) {
            return unchanged + rows + " already " + (unchanged == 1 ? "matches" : "match") + "." + took
                    + " Nothing was written; run without --dry-run to apply.";
        }
        return unchanged + rows + " already matched." + took;
    }

    private static String show(String email) {
        return email == null ? "(no email)" : email;
    }
}
