package dev.hankosync.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.RowsRejectedException;
import dev.hankosync.supabase.TableRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database target against a real PostgreSQL: reads, inserts, updates, deletes, rejections, read-only. */
class PostgresUserTableTest {

    private static TestDatabase database;

    private final List<String> warnings = new ArrayList<>();
    private final List<PostgresUserTable> opened = new ArrayList<>();

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

    @AfterEach
    void closeTables() {
        opened.forEach(PostgresUserTable::close);
    }

    private PostgresUserTable table(boolean readOnly) {
        PostgresUserTable table = new PostgresUserTable(database.url(""), DatabaseTable.guideDefaults(), readOnly,
                warnings::add);
        opened.add(table);
        return table;
    }

    private static Map<String, TableRow> byUserId(List<TableRow> rows) {
        return rows.stream().collect(Collectors.toMap(TableRow::userId, Function.identity()));
    }

    @Test
    void readAllStreamsEveryRowInOneQueryHandedOnInChunksOfThePageSize() {
        database.execute("insert into users (user_id, email) select 'u' || g, 'u' || g || '@example.com'"
                + " from generate_series(1, 2500) g");
        List<Integer> chunkSizes = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();

        int queries = table(false).readAll(1000, chunk -> {
            chunkSizes.add(chunk.size());
            rows.addAll(chunk);
        });

        assertEquals(1, queries);
        assertEquals(List.of(1000, 1000, 500), chunkSizes);
        assertEquals(2500, rows.stream().map(TableRow::rowId).distinct().count());
        TableRow last = byUserId(rows).get("u2500");
        assertEquals("u2500@example.com", last.email());
        assertEquals(database.rows(), rows, "every row, in id order, as stored");
    }

    @Test
    void insertWithUniqueConstraintLeavesOutUsersAnotherWriterInsertedFirst() {
        database.execute("alter table users add constraint users_user_id_key unique (user_id)");
        database.insertRow("u-2", "signed-in@example.com");
        PostgresUserTable table = table(false);

        Set<String> inserted = table.insert(List.of(new NewRow("u-1", "one@example.com"),
                new NewRow("u-2", "two@example.com"), new NewRow("u-3", null)));

        assertTrue(table.usesOnConflict());
        assertEquals(Set.of("u-1", "u-3"), inserted);
        Map<String, TableRow> rows = byUserId(database.rows());
        assertEquals(3, rows.size());
        assertEquals("signed-in@example.com", rows.get("u-2").email(), "the sign-in route's row is left alone");
        assertEquals(null, rows.get("u-3").email());
        assertEquals(List.of(), warnings);
    }

    @Test
    void insertWithoutUniqueConstraintSkipsUsersAlreadyPresentAndWarnsOnce() {
        database.insertRow("u-2", "signed-in@example.com");
        PostgresUserTable table = table(false);

        Set<String> inserted = table.insert(List.of(new NewRow("u-1", "one@example.com"),
                new NewRow("u-2", "two@example.com")));
        table.insert(List.of(new NewRow("u-3", "three@example.com")));

        assertFalse(table.usesOnConflict());
        assertEquals(Set.of("u-1"), inserted);
        assertEquals(1, database.rows().stream().filter(row -> row.userId().equals("u-2")).count());
        assertEquals(3, database.rows().size());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("no unique constraint on column user_id"), warnings.get(0));
        assertTrue(warnings.get(0).contains("add constraint \"users_user_id_key\" unique (\"user_id\")"),
                warnings.get(0));
    }

    @Test
    void notNullViolationRejectsTheWholeBatchWithItsSqlstateAndTheConnectionStaysUsable() {
        database.execute("alter table users alter column email set not null");
        PostgresUserTable table = table(false);

        RowsRejectedException e = assertThrows(RowsRejectedException.class, () -> table.insert(List.of(
                new NewRow("good", "good@example.com"), new NewRow("username-only", null))));

        assertEquals("23502", e.code());
        assertTrue(e.detail().contains("\"email\""), e.detail());
        assertEquals(List.of(), database.rows(), "the batch was rolled back as a whole");
        assertEquals(Set.of("good"), table.insert(List.of(new NewRow("good", "good@example.com"))));
    }

    @Test
    void updateEmailChangesOnlyThatRow() {
        String first = database.insertRow("a", "old@example.com");
        database.insertRow("b", "b@example.com");

        table(false).updateEmail(first, "new+tag@example.com");

        Map<String, TableRow> rows = byUserId(database.rows());
        assertEquals("new+tag@example.com", rows.get("a").email());
        assertEquals("b@example.com", rows.get("b").email());
    }

    @Test
    void deleteRemovesExactlyTheGivenRowsAndCountsThem() {
        String a = database.insertRow("a", null);
        database.insertRow("b", null);
        String c = database.insertRow("c", null);
        PostgresUserTable table = table(false);

        assertEquals(2, table.delete(List.of(a, c)));
        assertEquals(0, table.delete(List.of()));

        assertEquals(List.of("b"), database.rows().stream().map(TableRow::userId).toList());
    }

    @Test
    void readOnlyConnectionReadsButTheServerRefusesEveryWrite() {
        String row = database.insertRow("a", "a@example.com");
        PostgresUserTable table = table(true);
        List<TableRow> read = new ArrayList<>();

        table.readAll(100, read::addAll);
        ApiException insert = assertThrows(ApiException.class,
                () -> table.insert(List.of(new NewRow("b", "b@example.com"))));
        assertThrows(ApiException.class, () -> table.updateEmail(row, "changed@example.com"));
        assertThrows(ApiException.class, () -> table.delete(List.of(row)));

        assertEquals(1, read.size());
        assertTrue(insert.getMessage().contains("read-only"), insert.getMessage());
        assertEquals(List.of(new TableRow(row, "a", "a@example.com")), database.rows());
    }

    @Test
    void uuidColumnsTakeAndReturnTheSameTextAsText() {
        database.execute("drop table users", "create table public.users (id uuid primary key default"
                + " gen_random_uuid(), user_id uuid unique, email varchar(320))");
        String userA = "0b4f3a5e-4c1f-4c3e-9d63-4f1c2f1b7a01";
        String userB = "0b4f3a5e-4c1f-4c3e-9d63-4f1c2f1b7a02";
        PostgresUserTable table = table(false);

        assertEquals(Set.of(userA, userB), table.insert(List.of(new NewRow(userA, "a@example.com"),
                new NewRow(userB, "b@example.com"))));
        List<TableRow> rows = new ArrayList<>();
        table.readAll(1, rows::addAll);
        String rowA = byUserId(rows).get(userA).rowId();
        table.updateEmail(rowA, "a2@example.com");
        table.delete(List.of(byUserId(rows).get(userB).rowId()));

        assertEquals(List.of(new TableRow(rowA, userA, "a2@example.com")), database.rows());
    }

    @Test
    void aMissingTableOrColumnIsNamedInTheError() {
        database.execute("drop table users");
        ApiException noTable = assertThrows(ApiException.class, () -> table(false).readAll(10, rows -> { }));
        assertTrue(noTable.getMessage().contains("has no table public.users"), noTable.getMessage());

        database.execute("create table public.users (id bigint primary key, user_id text, mail text)");
        ApiException noColumn = assertThrows(ApiException.class, () -> table(false).readAll(10, rows -> { }));
        assertTrue(noColumn.getMessage().contains("column email does not exist in table public.users"),
                noColumn.getMessage());
    }

    @Test
    void aStopFromInsideTheReadRollsBackAndTheTableStaysUsable() {
        database.execute("insert into users (user_id) select 'u' || g from generate_series(1, 50) g");
        PostgresUserTable table = table(false);
        RuntimeException stop = new IllegalStateException("stop requested");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> table.readAll(10, chunk -> {
            throw stop;
        }));
        Set<String> inserted = table.insert(List.of(new NewRow("after-stop", null)));

        assertEquals(stop, thrown);
        assertEquals(Set.of("after-stop"), inserted);
        assertEquals(51, new HashSet<>(database.rows()).size());
    }

    @Test
    void closeEndsTheSession() throws Exception {
        PostgresUserTable table = table(false);
        table.readAll(10, rows -> { });
        int pid = ((org.postgresql.PGConnection) table.connection()).getBackendPID();

        table.close();

        try (var connection = database.adminConnection(); var statement = connection.createStatement()) {
            boolean gone = false;
            for (int i = 0; i < 50 && !gone; i++) {
                try (var result = statement.executeQuery("select count(*) from pg_stat_activity where pid = " + pid)) {
                    result.next();
                    gone = result.getInt(1) == 0;
                }
                if (!gone) {
                    Thread.sleep(20);
                }
            }
            assertTrue(gone, "the backend of the closed connection is gone");
        }
    }
}
