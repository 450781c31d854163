package dev.hankosync.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.TableRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a transaction pooler (Supabase port 6543) no server-side state may outlive a transaction: no named
 * prepared statements, no named portals. The embedded database is no pooler, so these tests look at the session
 * itself: with the pooler settings it must hold no prepared statement after many identical statements.
 */
class TransactionPoolModeTest {

    private static TestDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void freshTable() {
        database.resetGuideTable();
    }

    private static int preparedStatements(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from pg_prepared_statements")) {
            result.next();
            int count = result.getInt(1);
            connection.commit();
            return count;
        }
    }

    /** The same statements many times over: pgJDBC names a statement on the server after 5 executions by default. */
    private static void repeatEveryStatement(PostgresUserTable table) {
        for (int i = 0; i < 8; i++) {
            table.insert(List.of(new NewRow("user-" + i, "u" + i + "@example.com")));
        }
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.clear();
            table.readAll(100, rows::addAll);
        }
        for (TableRow row : rows) {
            table.updateEmail(row.rowId(), "changed-" + row.email());
        }
        table.delete(List.of(rows.get(0).rowId()));
    }

    @Test
    void pgbouncerFlagPutsTheConnectionInTransactionPoolMode() {
        DatabaseUrl url = database.url("?pgbouncer=true");

        assertTrue(url.transactionPooled());
        assertEquals("0", url.parameter("prepareThreshold"));
        assertEquals(null, url.parameter("pgbouncer"), "Prisma's flag is not passed on to pgJDBC");
    }

    @Test
    void behindATransactionPoolerTheSessionHoldsNoPreparedStatements() throws SQLException {
        try (PostgresUserTable table = new PostgresUserTable(database.url("?pgbouncer=true"),
                DatabaseTable.guideDefaults(), false)) {
            repeatEveryStatement(table);

            assertEquals(0, preparedStatements(table.connection()));
            assertEquals(7, database.rows().size());
        }
    }

    @Test
    void withoutThePoolerSettingsTheSameWorkDoesNameStatementsOnTheServer() throws SQLException {
        // The control for the test above: proves that counting pg_prepared_statements can see the difference.
        try (PostgresUserTable table = new PostgresUserTable(database.url(""), DatabaseTable.guideDefaults(), false)) {
            repeatEveryStatement(table);

            assertTrue(preparedStatements(table.connection()) > 0);
        }
    }

    @Test
    void readAllUsesKeysetPagesOfTenThousandRows() {
        database.execute("insert into users (user_id, email) select 'u' || g, null from generate_series(1, 25001) g");
        List<TableRow> rows = new ArrayList<>();
        List<Integer> chunkSizes = new ArrayList<>();

        int queries;
        try (PostgresUserTable table = new PostgresUserTable(database.url("?prepareThreshold=0"),
                DatabaseTable.guideDefaults(), false)) {
            queries = table.readAll(1000, chunk -> {
                chunkSizes.add(chunk.size());
                rows.addAll(chunk);
            });
        }

        assertEquals(25001, rows.size());
        assertEquals(3, queries, "10,000 + 10,000 + 5,001 rows; the short page ends the scan");
        assertEquals(database.rows(), rows);
        assertTrue(chunkSizes.stream().allMatch(size -> size <= 1000), chunkSizes.toString());
    }

    @Test
    void aDryRunBehindATransactionPoolerIsReadOnlyPerTransaction() {
        database.insertRow("a", "a@example.com");
        try (PostgresUserTable table = new PostgresUserTable(database.url("?pgbouncer=true"),
                DatabaseTable.guideDefaults(), true)) {
            List<TableRow> rows = new ArrayList<>();
            table.readAll(10, rows::addAll);

            assertEquals(1, rows.size());
            assertThrows(ApiException.class, () -> table.insert(List.of(new NewRow("b", null))));
        }
        assertEquals(1, database.rows().size());
    }
}
