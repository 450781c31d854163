package dev.hankosync.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hankosync.sync.RowResult;
import dev.hankosync.sync.SyncListener;
import dev.hankosync.sync.SyncReport;
import java.io.PrintWriter;

/**
 * {@code --format ndjson}: one JSON object per line on stdout, for log pipelines. Each row the report lists is
 * written the moment it is recorded ({@code {"type":"row","action":"created",...}}, the keys of the JSON
 * report's rows plus {@code type} and {@code dry_run}); the last line is the summary
 * ({@code {"type":"summary",...}}, the JSON report without {@code rows}). Every line is flushed at once, so a
 * run killed half way has still delivered what it did.
 */
final class ReportNdjson implements SyncListener {

    private final PrintWriter out;
    private final EmailMask mask;
    private final boolean dryRun;

    ReportNdjson(PrintWriter out, EmailMask mask, boolean dryRun) {
        this.out = out;
        this.mask = mask;
        this.dryRun = dryRun;
    }

    @Override
    public void rowDone(RowResult row) {
        ObjectNode line = ReportJson.MAPPER.createObjectNode();
        line.put("type", "row");
        line.put("dry_run", dryRun);
        line.setAll(ReportJson.row(mask.apply(row)));
        print(line);
    }

    /** The closing line. */
    void summary(SyncReport report, int exitCode) {
        ObjectNode line = ReportJson.MAPPER.createObjectNode();
        line.put("type", "summary");
        line.setAll(ReportJson.document(report, exitCode, mask, false));
        print(line);
    }

    private void print(ObjectNode line) {
        out.print(ReportJson.compact(line));
        out.print('\n');
        out.flush();
    }
}
