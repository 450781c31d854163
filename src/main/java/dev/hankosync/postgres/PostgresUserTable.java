package dev.hankosync.postgres;

import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.TableRow;
import dev.hankosync.supabase.UserTable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The target table over a direct PostgreSQL connection (the project's connection string, directly or through
 * Supabase's pooler), for backfills too large for the REST layer. Same contract as the REST table: each write is
 * one transaction; a batch the database refuses for its data is rolled back and reported as
 * {@link dev.hankosync.supabase.RowsRejectedException}, so the engine can isolate the bad rows.
 *
 * <p>The connection is opened on first use, so building this never touches the network (a connection failure then
 * stops the run inside the engine, which still prints its report), and read-only when asked: in a dry run the
 * engine calls no write method, and the server would refuse one anyway. Close it at the end of the run. One
 * connection, so the methods are synchronized.
 */
public final class PostgresUserTable implements UserTable, AutoCloseable {

    private final DatabaseUrl url;
    private final DatabaseTable table;
    private final boolean readOnly;
    private final Consumer<String> warnings;
    private final DatabaseErrors errors;
    private Connection connection;
    private TableSql sql;
    private boolean warnedAboutPlainInserts;

    /**
     * @param readOnly open the connection read-only (dry run)
     * @param warnings receives one line when the table turns out to lack a unique constraint on the user id
     */
    public PostgresUserTable(DatabaseUrl url, DatabaseTable table, boolean readOnly, Consumer<String> warnings) {
        this.url = Objects.requireNonNull(url, "url");
        this.table = Objects.requireNonNull(table, "table");
        this.readOnly = readOnly;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.errors = new DatabaseErrors(url, table);
    }

    public PostgresUserTable(DatabaseUrl url, DatabaseTable table, boolean readOnly) {
        this(url, table, readOnly, warning -> { });
    }

    /** Whether inserts use {@code ON CONFLICT DO NOTHING}, i.e. the table has a unique key on the user id column. */
    @Override
    public synchronized boolean insertsCanDuplicate() {
        return sql != null && !sql.usesOnConflict();
    }

    public synchronized boolean usesOnConflict() {
        return statements().usesOnConflict();
    }

    /**
     * Reads every row in one streaming query, or in keyset pages of 10,000 behind a transaction pooler; hands them
     * to {@code sink} in chunks of {@code pageSize}.
     *
     * @return the number of queries sent
     */
    @Override
    public synchronized int readAll(int pageSize, Consumer<List<TableRow>> sink) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
        TableReader reader = new TableReader(statements(), url.transactionPooled());
        Connection open = connection();
        try {
            return reader.readAll(open, pageSize, sink);
        } catch (SQLException e) {
            rollbackQuietly();
            throw errors.readFailed(e, "reading the rows");
        } catch (RuntimeException e) {
            rollbackQuietly(); // e.g. the engine stopping the run from inside the sink
            throw e;
        }
    }

    @Override
    public synchronized Set<String> insert(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        TableSql statements = statements();
        warnOnceIfPlainInserts(statements);
        return write("inserting " + rows.size() + " rows", open -> {
            Set<String> inserted = new LinkedHashSet<>();
            try (PreparedStatement statement = open.prepareStatement(statements.insert(rows.size()))) {
                int parameter = 1;
                for (NewRow row : rows) {
                    statement.setString(parameter++, row.userId());
                    statement.setString(parameter++, row.email());
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        inserted.add(result.getString(1));
                    }
                }
            }
            return inserted;
        });
    }

    @Override
    public synchronized void updateEmail(String rowId, String email) {
        requireRowId(rowId);
        TableSql statements = statements();
        write("updating a row", open -> {
            try (PreparedStatement statement = open.prepareStatement(statements.updateEmail())) {
                statement.setString(1, email);
                statement.setString(2, rowId);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public synchronized int delete(Collection<String> rowIds) {
        if (rowIds.isEmpty()) {
            return 0; // nothing to filter on; never send an unfiltered DELETE
        }
        rowIds.forEach(PostgresUserTable::requireRowId);
        TableSql statements = statements();
        return write("deleting " + rowIds.size() + " rows", open -> {
            Array ids = open.createArrayOf("text", rowIds.toArray());
            try (PreparedStatement statement = open.prepareStatement(statements.deleteByIds())) {
                statement.setArray(1, ids);
                return statement.executeUpdate();
            } finally {
                ids.free();
            }
        });
    }

    /** Rolls back whatever is open and closes the connection; the table can be used again (it reconnects). */
    @Override
    public synchronized void close() {
        if (connection != null) {
            rollbackQuietly();
            DatabaseConnections.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public String toString() {
        return "PostgresUserTable[" + table.displayName() + " at " + url + (readOnly ? ", read-only" : "") + "]";
    }

    /** The open connection, for tests in this package that look at the session. */
    Connection connection() {
        if (connection == null) {
            connection = DatabaseConnections.open(url, readOnly, errors);
        }
        return connection;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** One transaction: commit on success; on failure roll back, then report rejected rows or the failure. */
    private <T> T write(String what, Work<T> work) {
        Connection open = connection();
        try {
            T result = work.run(open);
            open.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw DatabaseErrors.isRowRejection(e) ? errors.rejected(e) : errors.writeFailed(e, what);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** The statements for this table, from the catalog, read once per table object. */
    private TableSql statements() {
        if (sql == null) {
            Connection open = connection();
            TableShape shape;
            try {
                shape = TableCatalog.read(open, table).orElseThrow(errors::tableMissing);
                open.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw errors.readFailed(e, "reading the catalog");
            }
            for (String column : List.of(DatabaseTable.ROW_ID_COLUMN, table.userIdColumn(), table.emailColumn())) {
                if (shape.column(column).isEmpty()) {
                    throw errors.columnMissing(column);
                }
            }
            sql = new TableSql(table, shape);
        }
        return sql;
    }

    private void warnOnceIfPlainInserts(TableSql statements) {
        if (!statements.usesOnConflict() && !warnedAboutPlainInserts) {
            warnedAboutPlainInserts = true;
            warnings.accept("table " + table.displayName() + " has no unique constraint on column "
                    + table.userIdColumn() + ": inserts skip user ids already present but cannot rule out a duplicate"
                    + " when the app's sign-in route inserts the same user at the same moment. Add the constraint: "
                    + table.uniqueConstraintSql());
        }
    }

    private void rollbackQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is broken; the next use reports that, and the server discards the transaction
        }
    }

    private static void requireRowId(String rowId) {
        if (rowId == null || rowId.isBlank()) {
            throw new IllegalArgumentException("a row id is required: UPDATE and DELETE always carry a filter");
        }
    }
}
