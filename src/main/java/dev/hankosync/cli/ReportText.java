package dev.hankosync.cli;

import static org.fusesource.jansi.Ansi.ansi;

import dev.hankosync.sync.Action;
import dev.hankosync.sync.RowResult;
import dev.hankosync.sync.SyncReport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fusesource.jansi.Ansi;

/**
 * The human report: one line per changed row, grouped by action and capped so a backfill of 100,000 users does
 * not flood a terminal, then a one-line summary. A dry run says "would".
 */
final class ReportText {

    /** Rows shown per action unless --list-all. */
    static final int ROWS_PER_ACTION = 20;

    private final boolean color;
    private final boolean listAll;

    ReportText(boolean color, boolean listAll) {
        this.color = color;
        this.listAll = listAll;
    }

    String render(SyncReport report) {
        StringBuilder out = new StringBuilder();
        boolean dry = report.dryRun();
        out.append(bold(dry ? "hanko-sync plan (dry run: nothing was written)" : "hanko-sync result")).append('\n');
        out.append("Hanko: ").append(report.hankoUsers()).append(" users in ").append(report.hankoRequests())
                .append(report.hankoRequests() == 1 ? " request" : " requests").append(report.scanComplete() ? "" : " (scan incomplete)")
                .append("   Supabase table ").append(report.table()).append(": ").append(report.tableRows())
                .append(" rows\n");

        Map<Action, List<RowResult>> byAction = report.rows().stream()
                .collect(Collectors.groupingBy(RowResult::action, () -> new EnumMap<>(Action.class),
                        Collectors.toList()));
        for (Map.Entry<Action, List<RowResult>> group : byAction.entrySet()) {
            List<RowResult> rows = group.getValue();
            out.append('\n');
            int shown = listAll ? rows.size() : Math.min(rows.size(), ROWS_PER_ACTION);
            for (RowResult row : rows.subList(0, shown)) {
                out.append(line(row)).append('\n');
            }
            if (shown < rows.size()) {
                out.append("  … and ").append(rows.size() - shown).append(" more ").append(group.getKey().key())
                        .append(" (--list-all, --format json or --report FILE lists them all)\n");
            }
        }

        out.append('\n').append(summary(report)).append('\n');
        if (report.deletionRefused() != null) {
            out.append(paint(Ansi.Color.RED, "Nothing deleted: " + report.deletionRefused())).append('\n');
        }
        if (report.stoppedBy() != null) {
            out.append(paint(Ansi.Color.RED, "Stopped early: " + report.stoppedBy())).append('\n');
        }
        if (report.wasInterrupted()) {
            out.append(paint(Ansi.Color.YELLOW, "Interrupted: the counts above are what was done before the stop."))
                    .append('\n');
        }
        return out.toString();
    }

    private String line(RowResult row) {
        String who = row.email() == null ? "(no email)" : row.email();
        String id = "  [" + row.userId() + "]";
        return switch (row.action()) {
            case CREATED -> paint(Ansi.Color.GREEN, "  + " + who) + id;
            case UPDATED -> paint(Ansi.Color.YELLOW, "  ~ " + show(row.previousEmail()) + " → " + who) + id;
            case DELETED -> paint(Ansi.Color.RED, "  - " + who) + id;
            case DUPLICATE -> paint(Ansi.Color.MAGENTA, "  ! " + who + " has several rows (left as they are)") + id;
            case MISSING -> paint(Ansi.Color.CYAN, "  ? " + who + " is not a Hanko user (kept)") + id;
            case FAILED -> paint(Ansi.Color.RED, "  x " + who + ": " + row.error()) + id;
            case UNCHANGED -> "  = " + who + id;
        };
    }

    static String summary(SyncReport report) {
        boolean dry = report.dryRun();
        long deleted = report.count(Action.DELETED);
        long kept = report.count(Action.MISSING) - deleted;
        StringBuilder s = new StringBuilder(dry ? "Plan: " : "Done: ");
        s.append(report.count(Action.CREATED)).append(dry ? " to create, " : " created, ");
        s.append(report.count(Action.UPDATED)).append(dry ? " to update, " : " updated, ");
        s.append(deleted).append(dry ? " to delete, " : " deleted, ");
        s.append(report.count(Action.UNCHANGED)).append(" unchanged, ");
        s.append(kept).append(" missing (kept), ");
        s.append(report.count(Action.DUPLICATE)).append(" duplicate, ");
        s.append(report.count(Action.FAILED)).append(" failed");
        s.append(" in ").append(report.duration().toMillis()).append(" ms.");
        return s.toString();
    }

    private static String show(String email) {
        return email == null ? "(no email)" : email;
    }

    private String bold(String text) {
        return color ? ansi().bold().a(text).reset().toString() : text;
    }

    private String paint(Ansi.Color c, String text) {
        return color ? ansi().fg(c).a(text).reset().toString() : text;
    }
}
