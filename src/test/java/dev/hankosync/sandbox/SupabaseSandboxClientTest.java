package dev.hankosync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.PostgrestUserTable;
import dev.hankosync.supabase.RowsRejectedException;
import dev.hankosync.supabase.SupabaseTarget;
import dev.hankosync.supabase.TableRow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PostgrestUserTable} against the sandbox: the real client, the real SQL, both sides of the contract. */
class SupabaseSandboxClientTest {

    private static SupabaseSandbox sandbox;
    private static OkHttpClient http;
    private final List<String> warnings = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SupabaseSandbox.start();
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.truncate();
        sandbox.faults().clear();
        sandbox.faults().resetCounters();
        sandbox.setMaxRows(SupabaseSandbox.DEFAULT_MAX_ROWS);
        sandbox.execute("alter table users drop constraint if exists users_user_id_key");
        sandbox.execute("alter table users alter column email drop not null");
    }

    private PostgrestUserTable table(String key) {
        return new PostgrestUserTable(http, SupabaseTarget.of(sandbox.url(), key), warnings::add, pauses::add);
    }

    private PostgrestUserTable table() {
        return table(sandbox.keys().secretKey());
    }

    private static List<TableRow> readAll(PostgrestUserTable table, int pageSize) {
        List<TableRow> rows = new ArrayList<>();
        table.readAll(pageSize, rows::addAll);
        return rows;
    }

    @Test
    void roundTripWithEitherKeyStyle() {
        sandbox.addUniqueConstraint();
        for (String key : List.of(sandbox.keys().secretKey(), sandbox.keys().serviceRoleKey())) {
            sandbox.truncate();
            PostgrestUserTable table = table(key);
            Set<String> inserted = table.insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", null),
                    new NewRow("u3", "c@x.com")));
            assertEquals(Set.of("u1", "u2", "u3"), inserted);

            List<TableRow> rows = readAll(table, 100);
            assertEquals(sandbox.rows(), rows);
            assertEquals(List.of("u1", "u2", "u3"), rows.stream().map(TableRow::userId).toList());

            table.updateEmail(rows.get(1).rowId(), "b@x.com");
            assertEquals("b@x.com", sandbox.rows().get(1).email());

            assertEquals(2, table.delete(List.of(rows.get(0).rowId(), rows.get(2).rowId(), "999999")));
            assertEquals(List.of(new TableRow(rows.get(1).rowId(), "u2", "b@x.com")), sandbox.rows());
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void keysetPagingReadsPastTheSilentThousandRowCap() {
        sandbox.execute("insert into users (user_id, email) select 'u' || g, 'u' || g || '@x.com'"
                + " from generate_series(1, 2500) g");
        PostgrestUserTable table = table();
        List<Integer> pageSizes = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        int requests = table.readAll(5000, page -> {
            pageSizes.add(page.size());
            rows.addAll(page);
        });
        assertEquals(List.of(1000, 1000, 500), pageSizes, "the server capped every page at 1000");
        assertEquals(3, requests, "three pages: the first page's count says the third is the last");
        assertEquals(2500, rows.stream().map(TableRow::userId).distinct().count());
        assertTrue(sandbox.rows().equals(rows), "every row, in id order");
    }

    @Test
    void plusInEmailsSurvivesTheRoundTrip() {
        sandbox.addUniqueConstraint();
        PostgrestUserTable table = table();
        table.insert(List.of(new NewRow("u+1", "a+b@x.com")));
        TableRow row = readAll(table, 10).get(0);
        assertEquals(new TableRow(row.rowId(), "u+1", "a+b@x.com"), row);
        table.updateEmail(row.rowId(), "c+d@x.com");
        assertEquals("c+d@x.com", sandbox.rows().get(0).email());
    }

    @Test
    void quotesBackslashesAndCommasInUserIdsGoThroughInLists() {
        // Without a unique constraint a lost insert is re-read by user id with an in-list.
        List<NewRow> rows = List.of(new NewRow("a\"b", null), new NewRow("c\\d", null), new NewRow("e,f)", null),
                new NewRow("g h", "g+h@x.com"));
        sandbox.faults().failEveryAfterCommit("POST", 2, 503); // the upsert is POST 1, the plain insert POST 2
        Set<String> inserted = table().insert(rows);

        assertEquals(rows.stream().map(NewRow::userId).collect(Collectors.toSet()), inserted);
        assertEquals(rows.stream().map(NewRow::userId).toList(), sandbox.rows().stream().map(TableRow::userId).toList(),
                "the re-read found every row, so nothing was inserted twice");
        assertEquals(2, sandbox.faults().requestCount("GET"), "the check before the plain insert, and the re-read");
        assertEquals(2, sandbox.faults().requestCount("POST"));
    }

    @Test
    void uniqueConstraintMakesInsertsSkipRowsTheAppWroteMeanwhile() {
        sandbox.addUniqueConstraint();
        sandbox.insertRaw("u1", "signed-in@x.com");
        Set<String> inserted = table().insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", "b@x.com")));
        assertEquals(Set.of("u2"), inserted);
        assertEquals(List.of("u1", "u2"), sandbox.rows().stream().map(TableRow::userId).toList());
        assertEquals("signed-in@x.com", sandbox.rows().get(0).email());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void withoutUniqueConstraintInsertsFallBackAndWarnOnce() {
        PostgrestUserTable table = table();
        assertEquals(Set.of("u1"), table.insert(List.of(new NewRow("u1", "a@x.com"))));
        assertEquals(Set.of("u2"), table.insert(List.of(new NewRow("u2", "b@x.com"))));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("public.users has no unique constraint on column user_id"));
        assertEquals(3, sandbox.faults().requestCount("POST"), "one upsert, then plain inserts only");
        assertEquals(List.of("u1", "u2"), sandbox.rows().stream().map(TableRow::userId).toList());
    }

    @Test
    void plainInsertWhoseConnectionDroppedAfterCommitIsNotRepeated() {
        PostgrestUserTable table = table();
        table.insert(List.of(new NewRow("u0", null))); // learns that there is no unique constraint
        sandbox.faults().dropConnectionEvery("POST", 1, true);

        Set<String> inserted = table.insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", "b@x.com")));

        assertEquals(Set.of("u1", "u2"), inserted);
        assertEquals(List.of("u0", "u1", "u2"), sandbox.rows().stream().map(TableRow::userId).toList());
        assertEquals(1, pauses.size());
    }

    @Test
    void plainInsertWhoseRequestFailedBeforeCommitIsSentAgain() {
        PostgrestUserTable table = table();
        table.insert(List.of(new NewRow("u0", null)));
        sandbox.faults().failEvery("POST", 2, 503, 1, "<html><title>503</title></html>");

        Set<String> inserted = table.insert(List.of(new NewRow("u1", "a@x.com")));

        assertEquals(Set.of("u1"), inserted);
        assertEquals(List.of("u0", "u1"), sandbox.rows().stream().map(TableRow::userId).toList());
    }

    @Test
    void notNullViolationInsideABatchRejectsTheWholeBatch() {
        sandbox.addUniqueConstraint();
        sandbox.execute("alter table users alter column email set not null");
        RowsRejectedException e = assertThrows(RowsRejectedException.class, () -> table().insert(List.of(
                new NewRow("u1", "a@x.com"), new NewRow("u2", null), new NewRow("u3", "c@x.com"))));
        assertEquals("23502", e.code());
        assertTrue(e.detail().contains("not-null"), e.detail());
        assertTrue(sandbox.rows().isEmpty(), "PostgREST runs one statement per request: nothing was written");
        // the same for the plain insert path
        sandbox.execute("alter table users drop constraint users_user_id_key");
        assertThrows(RowsRejectedException.class, () -> table().insert(List.of(new NewRow("u2", null))));
        assertTrue(sandbox.rows().isEmpty());
    }

    @Test
    void rejectedKeysAreExplainedWithoutShowingThem() {
        String wrong = "sb_secret_not_a_key_of_this_project";
        ApiException invalid = assertThrows(ApiException.class, () -> readAll(table(wrong), 10));
        assertEquals(401, invalid.status());
        assertTrue(invalid.getMessage().contains("Invalid API key"), invalid.getMessage());
        assertFalse(invalid.getMessage().contains(wrong));

        String anonKey = sandbox.keys().anonKey();
        ApiException anon = assertThrows(ApiException.class, () -> readAll(table(anonKey), 10));
        assertEquals(401, anon.status());
        assertTrue(anon.getMessage().contains("an anon or publishable key is not enough"), anon.getMessage());
        assertFalse(anon.getMessage().contains(anonKey));
    }

    @Test
    void missingTableAndColumnAreNamedInTheMessage() {
        ApiException noTable = assertThrows(ApiException.class, () -> new PostgrestUserTable(http,
                new SupabaseTarget(sandbox.url(), sandbox.keys().secretKey(), null, "profiles", null, null))
                .readAll(10, page -> { }));
        assertEquals(404, noTable.status());
        assertTrue(noTable.getMessage().startsWith("Supabase table public.profiles does not exist"), noTable.getMessage());

        PostgrestUserTable wrongColumn = new PostgrestUserTable(http,
                new SupabaseTarget(sandbox.url(), sandbox.keys().secretKey(), null, null, null, "mail"));
        ApiException onRead = assertThrows(ApiException.class, () -> wrongColumn.readAll(10, page -> { }));
        assertTrue(onRead.getMessage().startsWith("Supabase column 'mail' does not exist"), onRead.getMessage());
        ApiException onInsert = assertThrows(ApiException.class, () -> wrongColumn.insert(List.of(new NewRow("u", "e"))));
        assertEquals("PGRST204", onInsert.code());
        assertTrue(onInsert.getMessage().startsWith("Supabase column 'mail' does not exist"), onInsert.getMessage());

        ApiException schema = assertThrows(ApiException.class, () -> new PostgrestUserTable(http,
                new SupabaseTarget(sandbox.url(), sandbox.keys().secretKey(), "private", null, null, null))
                .readAll(10, page -> { }));
        assertEquals(406, schema.status());
    }

    @Test
    void exposedNonPublicSchemaIsReadAndWrittenThroughProfiles() {
        sandbox.execute("create schema if not exists app");
        sandbox.execute("create table if not exists app.members (id uuid primary key default gen_random_uuid(),"
                + " hanko_id text unique, mail text)");
        sandbox.execute("truncate app.members");
        sandbox.exposeSchema("app");
        PostgrestUserTable table = new PostgrestUserTable(http,
                new SupabaseTarget(sandbox.url(), sandbox.keys().secretKey(), "app", "members", "hanko_id", "mail"));
        List<NewRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new NewRow("h" + i, "m" + i + "@x.com"));
        }
        assertEquals(30, table.insert(rows).size());
        List<TableRow> read = readAll(table, 7);
        assertEquals(30, read.size(), "uuid ids page with gt too");
        assertEquals(30, read.stream().map(TableRow::rowId).distinct().count());
        table.updateEmail(read.get(0).rowId(), "new@x.com");
        assertEquals(30, table.delete(read.stream().map(TableRow::rowId).toList()));
    }
}
