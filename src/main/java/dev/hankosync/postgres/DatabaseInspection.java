package dev.hankosync.postgres;

import dev.hankosync.http.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what {@code hanko-sync check} reports about the database target: server version, the table's columns and
 * types, the unique constraint on the user id column, row-level security, and the role's privileges. Reads only, on
 * a read-only connection, with plain catalog queries (safe behind a transaction pooler).
 *
 * <pre>{@code
 * DatabaseFacts facts = DatabaseInspection.inspect(DatabaseUrl.parse(text, pgPassword), table);
 * facts.lines().forEach(out::println);   // ✓ / ✗ lines
 * boolean ok = facts.usable();
 * }</pre>
 */
public final class DatabaseInspection {

    private static final String SESSION = "select current_setting('server_version'), current_user::text,"
            + " r.rolsuper, r.rolbypassrls from pg_catalog.pg_roles r where r.rolname = current_user";
    private static final String COLUMN_PRIVILEGE = "select pg_catalog.has_column_privilege(cast(? as oid), ?, ?)";
    private static final String TABLE_PRIVILEGE = "select pg_catalog.has_table_privilege(cast(? as oid), ?)";

    private DatabaseInspection() {
    }

    /**
     * Connects (read-only), inspects and disconnects.
     *
     * @throws ApiException when the database cannot be reached or refuses the login, with a one-line message
     *     that never contains the password
     */
    public static DatabaseFacts inspect(DatabaseUrl url, DatabaseTable table) {
        DatabaseErrors errors = new DatabaseErrors(url, table);
        Connection connection = DatabaseConnections.open(url, true, errors);
        try {
            DatabaseFacts facts = inspect(connection, url, table);
            connection.rollback();
            return facts;
        } catch (SQLException e) {
            throw errors.readFailed(e, "inspecting the catalog");
        } finally {
            DatabaseConnections.closeQuietly(connection);
        }
    }

    static DatabaseFacts inspect(Connection connection, DatabaseUrl url, DatabaseTable table) throws SQLException {
        String version;
        String role;
        String bypass;
        try (PreparedStatement statement = connection.prepareStatement(SESSION);
             ResultSet result = statement.executeQuery()) {
            result.next();
            version = result.getString(1);
            role = result.getString(2);
            bypass = result.getBoolean(3) ? "superuser" : result.getBoolean(4) ? "BYPASSRLS" : null;
        }
        TableShape shape = TableCatalog.read(connection, table).orElse(null);
        if (shape == null) {
            return new DatabaseFacts(url.displayName(), version, role, table.displayName(), false, List.of(),
                    List.of(), table.userIdColumn(), null, table.uniqueConstraintSql(), false, null, Set.of(), null);
        }
        List<DatabaseFacts.Column> columns = shape.columns().stream()
                .map(column -> new DatabaseFacts.Column(column.name(), column.type(), column.notNull())).toList();
        List<String> missingColumns = new ArrayList<>();
        for (String column : List.of(DatabaseTable.ROW_ID_COLUMN, table.userIdColumn(), table.emailColumn())) {
            if (shape.column(column).isEmpty()) {
                missingColumns.add(column);
            }
        }
        if (bypass == null && shape.ownedByCurrentUser() && !shape.forcedRowSecurity()) {
            bypass = "table owner";
        }
        Set<String> missing = missingPrivileges(connection, shape, table);
        String grant = missing.isEmpty() ? null : "grant " + String.join(", ", DatabaseFacts.PRIVILEGES.stream()
                .filter(missing::contains).toList()) + " on table " + table.qualifiedSql() + " to "
                + DatabaseTable.quote(role) + ";";
        return new DatabaseFacts(url.displayName(), version, role, table.displayName(), true, columns,
                missingColumns, table.userIdColumn(), shape.uniqueUserIdKey(), table.uniqueConstraintSql(),
                shape.rowSecurity(), bypass, missing, grant);
    }

    /**
     * Column privileges count, not just table ones: the sync reads id, the user id and the email, inserts the
     * latter two and updates the email. Columns the table lacks are left out (that failure is reported apart).
     */
    private static Set<String> missingPrivileges(Connection connection, TableShape shape, DatabaseTable table)
            throws SQLException {
        Map<String, List<String>> columnsUsed = Map.of(
                "select", List.of(DatabaseTable.ROW_ID_COLUMN, table.userIdColumn(), table.emailColumn()),
                "insert", List.of(table.userIdColumn(), table.emailColumn()),
                "update", List.of(table.emailColumn()));
        Set<String> missing = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMN_PRIVILEGE)) {
            for (Map.Entry<String, List<String>> entry : columnsUsed.entrySet()) {
                for (String column : entry.getValue()) {
                    if (shape.column(column).isPresent() && !granted(statement, shape.oid(), column, entry.getKey())) {
                        missing.add(entry.getKey());
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(TABLE_PRIVILEGE)) {
            statement.setLong(1, shape.oid());
            statement.setString(2, "DELETE");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    missing.add("delete");
                }
            }
        }
        return missing;
    }

    private static boolean granted(PreparedStatement statement, long oid, String column, String privilege)
            throws SQLException {
        statement.setLong(1, oid);
        statement.setString(2, column);
        statement.setString(3, privilege.toUpperCase(Locale.ROOT));
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
