package dev.hankosync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hankosync.sync.Action;
import dev.hankosync.sync.RowResult;
import dev.hankosync.sync.SyncReport;

/** The contract's JSON report document. Keys are stable; new ones may be added, none renamed. */
final class ReportJson {

    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    static String render(SyncReport report, int exitCode) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("dry_run", report.dryRun());
        root.put("started_at", report.startedAt().toString());
        root.put("finished_at", report.finishedAt() == null ? null : report.finishedAt().toString());
        root.put("duration_ms", report.duration().toMillis());

        ObjectNode hanko = root.putObject("hanko");
        hanko.put("users", report.hankoUsers());
        hanko.put("pages", report.hankoRequests());
        hanko.put("complete", report.scanComplete());
        hanko.put("incomplete_reason", report.scanIncompleteReason());

        ObjectNode supabase = root.putObject("supabase");
        supabase.put("table", report.table());
        supabase.put("rows", report.tableRows());

        ObjectNode counts = root.putObject("counts");
        for (Action action : Action.values()) {
            counts.put(action.key(), report.count(action));
        }

        ArrayNode rows = root.putArray("rows");
        for (RowResult row : report.rows()) {
            ObjectNode node = rows.addObject();
            node.put("action", row.action().key());
            node.put("user_id", row.userId());
            node.put("email", row.email());
            node.put("previous_email", row.previousEmail());
            node.put("error", row.error());
        }

        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        root.put("stopped_by", report.stoppedBy());
        root.put("deletion_refused", report.deletionRefused());
        root.put("interrupted", report.wasInterrupted());
        root.put("exit_code", exitCode);
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("report could not be serialised", e);
        }
    }
}
