package dev.hankosync.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hankosync.sync.Action;
import dev.hankosync.sync.RowResult;
import dev.hankosync.sync.SyncReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * The contract's JSON report document. Keys are stable; new ones may be added, none renamed. The rows are
 * streamed one at a time into the document, so a report of a million rows never sits in memory as one tree.
 */
final class ReportJson {

    static final int VERSION = 1;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {}

    /** Streams the whole document, pretty-printed, to {@code target}. */
    static void write(SyncReport report, int exitCode, EmailMask mask, Writer target) {
        ObjectNode head = document(report, exitCode, mask, false);
        try {
            JsonGenerator json = MAPPER.getFactory().createGenerator(target);
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = head.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                json.writeFieldName(field.getKey());
                MAPPER.writeTree(json, field.getValue());
                if (field.getKey().equals("counts")) {
                    json.writeArrayFieldStart("rows");
                    report.forEachRow(row -> writeRow(json, mask.apply(row)));
                    json.writeEndArray();
                }
            }
            json.writeEndObject();
            json.flush();
            target.write(System.lineSeparator());
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a tree; with {@code withRows} false, everything but the row list. */
    static ObjectNode document(SyncReport report, int exitCode, EmailMask mask, boolean withRows) {
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
        if (report.duplicatesLeft() >= 0) {
            supabase.put("duplicate_users_after", report.duplicatesLeft());
        }

        ObjectNode counts = root.putObject("counts");
        for (Action action : Action.values()) {
            counts.put(action.key(), report.count(action));
        }
        if (withRows) {
            ArrayNode rows = root.putArray("rows");
            report.forEachRow(row -> rows.add(row(mask.apply(row))));
        }

        ObjectNode timings = root.putObject("timings_ms");
        report.timings().millis().forEach(timings::put);

        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        root.put("stopped_by", report.stoppedBy());
        root.put("deletion_refused", report.deletionRefused());
        root.put("interrupted", report.wasInterrupted());
        root.put("exit_code", exitCode);
        return root;
    }

    /** One entry of {@code rows}. */
    static ObjectNode row(RowResult row) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("action", row.action().key());
        node.put("user_id", row.userId());
        node.put("email", row.email());
        node.put("previous_email", row.previousEmail());
        node.put("error", row.error());
        return node;
    }

    /** One line of JSON. */
    static String compact(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be serialised", e);
        }
    }

    private static void writeRow(JsonGenerator json, RowResult row) {
        try {
            MAPPER.writeTree(json, row(row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
