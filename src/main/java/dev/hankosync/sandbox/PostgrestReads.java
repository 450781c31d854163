package dev.hankosync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code GET} and {@code HEAD} on a table: select, filters, order, limit/offset or {@code Range}, and the
 * server-side row cap, which like Supabase's {@code db-max-rows} truncates silently (200, no error, no flag).
 */
final class PostgrestReads {

    private static final Pattern RANGE = Pattern.compile("^([0-9]+)-([0-9]*)$");

    private PostgrestReads() {
    }

    static PostgrestResponse read(Connection connection, PgTable table, PostgrestQuery query, PostgrestPrefer prefer,
                                  String rangeHeader, int maxRows, boolean head)
            throws SQLException, PostgrestException {
        long offset = 0;
        long limit = maxRows;
        Matcher range = rangeHeader == null ? null : RANGE.matcher(rangeHeader.strip());
        if (range != null && range.matches()) {
            offset = Long.parseLong(range.group(1));
            if (!range.group(2).isEmpty()) {
                limit = Math.min(limit, Math.max(0, Long.parseLong(range.group(2)) - offset + 1));
            }
        }
        if (query.offset() != null) {
            offset = query.offset();
        }
        if (query.limit() != null) {
            limit = Math.min(limit, query.limit());
        }

        PgStatement page = new PgStatement().sql("select count(*), coalesce(json_agg(pgrst_t), '[]')::text from (select ")
                .sql(columns(table, query.select())).sql(" from ").sql(table.sqlName());
        PgWhere.append(page, table, query.filters());
        appendOrder(page, table, query.order());
        page.sql(" limit ").bind(limit).sql(" offset ").bind(offset).sql(") pgrst_t");

        long returned;
        String json;
        try (PreparedStatement statement = page.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            returned = rows.getLong(1);
            json = rows.getString(2);
        }
        Long total = prefer.exactCount() ? count(connection, table, query) : null;

        String totalText = total == null ? "*" : total.toString();
        if (total != null && offset > total) {
            throw new PostgrestException(416, "PGRST103", "Requested range not satisfiable",
                    "An offset of " + offset + " was requested, but there are only " + total + " rows.", null);
        }
        int status = total != null && returned < total ? 206 : 200;
        String contentRange = returned == 0 ? "*/" + totalText : offset + "-" + (offset + returned - 1) + "/" + totalText;
        PostgrestResponse response = head ? PostgrestResponse.empty(status) : PostgrestResponse.json(status, json);
        return response.withHeader("Content-Range", contentRange);
    }

    /** The quoted select list, {@code *} when none was given. */
    static String columns(PgTable table, List<String> select) throws PostgrestException {
        if (select.isEmpty()) {
            return "*";
        }
        StringBuilder columns = new StringBuilder();
        for (String column : select) {
            if (columns.length() > 0) {
                columns.append(", ");
            }
            columns.append(table.column(column));
        }
        return columns.toString();
    }

    private static long count(Connection connection, PgTable table, PostgrestQuery query)
            throws SQLException, PostgrestException {
        PgStatement count = new PgStatement().sql("select count(*) from ").sql(table.sqlName());
        PgWhere.append(count, table, query.filters());
        try (PreparedStatement statement = count.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void appendOrder(PgStatement statement, PgTable table, List<PostgrestQuery.OrderTerm> order)
            throws PostgrestException {
        for (int i = 0; i < order.size(); i++) {
            PostgrestQuery.OrderTerm term = order.get(i);
            statement.sql(i == 0 ? " order by " : ", ").sql(table.column(term.column()))
                    .sql(term.descending() ? " desc" : " asc");
            if (term.nulls() != null) {
                statement.sql(" " + term.nulls());
            }
        }
    }
}
