package dev.hankosync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table as the catalog describes it. Names that reach SQL are checked against {@link #columns()} first and then
 * quoted, so a request can never smuggle SQL in through a column, table or schema name.
 */
record PgTable(String schema, String name, Set<String> columns, List<String> primaryKey) {

    private static final String COLUMNS = """
            select a.attname
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p', 'v', 'm', 'f')
              and a.attnum > 0 and not a.attisdropped
            order by a.attnum""";

    private static final String PRIMARY_KEY = """
            select a.attname
            from pg_index i
            join pg_class c on c.oid = i.indrelid
            join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where n.nspname = ? and c.relname = ? and i.indisprimary
            order by array_position(i.indkey, a.attnum)""";

    /** Reads the table from the catalog on every request, so tests may alter it between calls. */
    static Optional<PgTable> lookup(Connection connection, String schema, String name) throws SQLException {
        Set<String> columns = new LinkedHashSet<>(strings(connection, COLUMNS, schema, name));
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PgTable(schema, name, columns, strings(connection, PRIMARY_KEY, schema, name)));
    }

    /** {@code "schema"."table"}. */
    String sqlName() {
        return quote(schema) + "." + quote(name);
    }

    /** The quoted column, or 42703 when the table has no such column. */
    String column(String column) throws PostgrestException {
        if (!columns.contains(column)) {
            throw PostgrestException.unknownColumn(column, name);
        }
        return quote(column);
    }

    /** The quoted column of a request body or {@code columns=}, or PGRST204 when there is none. */
    String payloadColumn(String column) throws PostgrestException {
        if (!columns.contains(column)) {
            throw PostgrestException.unknownPayloadColumn(column, name);
        }
        return quote(column);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static List<String> strings(Connection connection, String sql, String schema, String name)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
