package dev.hankosync.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the target table's shape from {@code pg_catalog}. Plain queries only (no {@code DatabaseMetaData}, no
 * {@code getMetaData()}): those send standalone Describe messages that a transaction pooler does not replay.
 */
final class TableCatalog {

    private static final String RELATION = "select c.oid, c.relkind::text, c.relrowsecurity, c.relforcerowsecurity,"
            + " pg_catalog.pg_get_userbyid(c.relowner) = current_user"
            + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p', 'v', 'f')";

    private static final String COLUMNS = "select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull from pg_catalog.pg_attribute a"
            + " where a.attrelid = cast(? as oid) and a.attnum > 0 and not a.attisdropped order by a.attnum";

    /**
     * A unique index that {@code ON CONFLICT (col)} can infer: valid, not deferrable, not partial, one key column
     * that is that plain column. A constraint's name is preferred to its index's (they are usually equal).
     */
    private static final String UNIQUE_KEY = "select coalesce(con.conname, ic.relname)"
            + " from pg_catalog.pg_index i"
            + " join pg_catalog.pg_class ic on ic.oid = i.indexrelid"
            + " join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]"
            + " left join pg_catalog.pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid"
            + " and con.contype in ('u', 'p')"
            + " where i.indrelid = cast(? as oid) and i.indisunique and i.indnkeyatts = 1 and i.indpred is null"
            + " and i.indexprs is null and i.indisvalid and i.indimmediate and a.attname = ?"
            + " order by con.conname is null, ic.relname limit 1";

    private TableCatalog() {
    }

    /** The table's shape, or empty when the schema has no table, view or foreign table of that name. */
    static Optional<TableShape> read(Connection connection, DatabaseTable table) throws SQLException {
        long oid;
        String kind;
        boolean rowSecurity;
        boolean forced;
        boolean owned;
        try (PreparedStatement statement = connection.prepareStatement(RELATION)) {
            statement.setString(1, table.schema());
            statement.setString(2, table.table());
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                oid = result.getLong(1);
                kind = result.getString(2);
                rowSecurity = result.getBoolean(3);
                forced = result.getBoolean(4);
                owned = result.getBoolean(5);
            }
        }
        List<TableShape.Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setLong(1, oid);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(new TableShape.Column(result.getString(1), result.getString(2), result.getBoolean(3)));
                }
            }
        }
        String uniqueKey = null;
        try (PreparedStatement statement = connection.prepareStatement(UNIQUE_KEY)) {
            statement.setLong(1, oid);
            statement.setString(2, table.userIdColumn());
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    uniqueKey = result.getString(1);
                }
            }
        }
        return Optional.of(new TableShape(oid, kind, columns, uniqueKey, rowSecurity, forced, owned));
    }
}
