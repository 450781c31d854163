package dev.hankosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers {@code POST}, {@code PATCH} and {@code DELETE} on a table. Each request is one SQL statement, so it is
 * atomic like PostgREST's: one bad row fails the whole batch and writes nothing.
 */
final class PostgrestWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PostgrestWrites() {
    }

    static PostgrestResponse insert(Connection connection, PgTable table, PostgrestQuery query, PostgrestPrefer prefer,
                                    byte[] body) throws SQLException, PostgrestException {
        JsonNode payload = parseBody(body);
        List<JsonNode> rows = new ArrayList<>();
        if (payload.isArray()) {
            payload.forEach(rows::add);
        } else if (payload.isObject()) {
            rows.add(payload);
        } else {
            throw PostgrestException.badBody("Empty or invalid json");
        }
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw PostgrestException.badBody("All object keys must match");
            }
        }
        List<String> columns = query.columns() != null ? query.columns() : matchingKeys(rows);
        String returning = PostgrestReads.columns(table, query.select());
        if (rows.isEmpty()) {
            return answer(201, prefer, 0, "[]", "*/");
        }
        if (columns.isEmpty()) {
            throw PostgrestException.badBody("objects without keys are not supported by the sandbox");
        }

        PgStatement insert = new PgStatement().sql("with pgrst_rows as (insert into ").sql(table.sqlName()).sql(" (");
        for (int i = 0; i < columns.size(); i++) {
            insert.sql(i == 0 ? "" : ", ").sql(table.payloadColumn(columns.get(i)));
        }
        insert.sql(") values ");
        for (int r = 0; r < rows.size(); r++) {
            insert.sql(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                insert.sql(c == 0 ? "" : ", ");
                JsonNode value = rows.get(r).get(columns.get(c));
                if (value == null && prefer.missingDefault()) {
                    insert.sql("default");
                } else {
                    insert.bind(bindValue(value));
                }
            }
            insert.sql(")");
        }
        appendConflict(insert, table, query, prefer, columns);
        insert.sql(" returning ").sql(returning).sql(")");
        return execute(connection, insert, prefer, 201, 201, "*/");
    }

    static PostgrestResponse update(Connection connection, PgTable table, PostgrestQuery query, PostgrestPrefer prefer,
                                    byte[] body) throws SQLException, PostgrestException {
        JsonNode payload = parseBody(body);
        if (!payload.isObject() || payload.isEmpty()) {
            throw PostgrestException.badBody("Empty or invalid json");
        }
        requireFilter(query, "UPDATE");
        PgStatement update = new PgStatement().sql("with pgrst_rows as (update ").sql(table.sqlName()).sql(" set ");
        Iterator<String> names = payload.fieldNames();
        boolean first = true;
        while (names.hasNext()) {
            String name = names.next();
            update.sql(first ? "" : ", ").sql(table.payloadColumn(name)).sql(" = ").bind(bindValue(payload.get(name)));
            first = false;
        }
        PgWhere.append(update, table, query.filters());
        update.sql(" returning ").sql(PostgrestReads.columns(table, query.select())).sql(")");
        return execute(connection, update, prefer, 200, 204, "0-");
    }

    static PostgrestResponse delete(Connection connection, PgTable table, PostgrestQuery query, PostgrestPrefer prefer)
            throws SQLException, PostgrestException {
        requireFilter(query, "DELETE");
        PgStatement delete = new PgStatement().sql("with pgrst_rows as (delete from ").sql(table.sqlName());
        PgWhere.append(delete, table, query.filters());
        delete.sql(" returning ").sql(PostgrestReads.columns(table, query.select())).sql(")");
        return execute(connection, delete, prefer, 200, 204, "*/");
    }

    /** Supabase loads {@code safeupdate}: an UPDATE or DELETE without any WHERE is refused. */
    private static void requireFilter(PostgrestQuery query, String verb) throws PostgrestException {
        if (query.filters().isEmpty()) {
            throw PostgrestException.of(400, "21000", verb + " requires a WHERE clause");
        }
    }

    /** Without {@code columns=}, every object must have the same keys (PostgREST's PGRST102). */
    private static List<String> matchingKeys(List<JsonNode> rows) throws PostgrestException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> keys = keys(rows.get(0));
        for (JsonNode row : rows) {
            if (!keys(row).equals(keys)) {
                throw PostgrestException.badBody("All object keys must match");
            }
        }
        return List.copyOf(keys);
    }

    private static Set<String> keys(JsonNode row) {
        Set<String> keys = new LinkedHashSet<>();
        row.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Upsert only with a {@code resolution}; the conflict target is {@code on_conflict=} or the primary key. */
    private static void appendConflict(PgStatement insert, PgTable table, PostgrestQuery query, PostgrestPrefer prefer,
                                       List<String> columns) throws PostgrestException {
        String resolution = prefer.resolution();
        if (resolution == null) {
            return;
        }
        List<String> target = query.onConflict() != null ? query.onConflict() : table.primaryKey();
        insert.sql(" on conflict");
        if (!target.isEmpty()) {
            insert.sql(" (");
            for (int i = 0; i < target.size(); i++) {
                insert.sql(i == 0 ? "" : ", ").sql(table.column(target.get(i)));
            }
            insert.sql(")");
        }
        if (resolution.equals("ignore-duplicates")) {
            insert.sql(" do nothing");
            return;
        }
        insert.sql(" do update set ");
        for (int i = 0; i < columns.size(); i++) {
            String column = table.payloadColumn(columns.get(i));
            insert.sql(i == 0 ? "" : ", ").sql(column + " = excluded." + column);
        }
    }

    private static PostgrestResponse execute(Connection connection, PgStatement dml, PostgrestPrefer prefer,
                                             int representationStatus, int minimalStatus, String rangeStart)
            throws SQLException {
        dml.sql(" select count(*), coalesce(json_agg(pgrst_rows), '[]')::text from pgrst_rows");
        long affected;
        String json;
        try (PreparedStatement statement = dml.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            affected = rows.getLong(1);
            json = rows.getString(2);
        }
        return answer(prefer.representation() ? representationStatus : minimalStatus, prefer, affected, json,
                rangeStart);
    }

    /** {@code Content-Range} like PostgREST's: star, slash, N for POST and DELETE; {@code 0-(N-1)/N} for PATCH. */
    private static PostgrestResponse answer(int status, PostgrestPrefer prefer, long affected, String json,
                                            String rangeStart) {
        String total = prefer.exactCount() ? Long.toString(affected) : "*";
        String range = rangeStart.equals("0-") && affected > 0 ? "0-" + (affected - 1) + "/" + total : "*/" + total;
        PostgrestResponse response = prefer.representation() ? PostgrestResponse.json(status, json)
                : PostgrestResponse.empty(status);
        return response.withHeader("Content-Range", range);
    }

    private static JsonNode parseBody(byte[] body) throws PostgrestException {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw PostgrestException.badBody("Empty or invalid json");
            }
            return node;
        } catch (IOException e) {
            throw PostgrestException.badBody("Empty or invalid json");
        }
    }

    /** JSON scalars go as their text (PostgreSQL casts them); objects and arrays as JSON text; null as NULL. */
    private static Object bindValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
