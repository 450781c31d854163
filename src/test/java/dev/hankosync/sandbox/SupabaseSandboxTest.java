package dev.hankosync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.supabase.TableRow;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's PostgREST subset: reads, writes, filters, the row cap. */
class SupabaseSandboxTest extends SupabaseSandboxHttpTest {

    @Test
    void insertsAndReadsBackWithSelectFilterAndOrder() throws IOException {
        Answer insert = call("POST", "/rest/v1/users?select=user_id",
                "[{\"user_id\":\"b\",\"email\":\"b@x.com\"},{\"user_id\":\"a\",\"email\":null}]",
                "Prefer", "return=representation");
        assertEquals(201, insert.status());
        assertEquals(JSON.readTree("[{\"user_id\":\"b\"},{\"user_id\":\"a\"}]"), insert.json());

        Answer read = call("GET", "/rest/v1/users?select=id,user_id,email&order=user_id.desc&user_id=gte.a", null);
        assertEquals(200, read.status());
        assertEquals("0-1/*", read.header("Content-Range"));
        JsonNode rows = read.json();
        assertEquals(2, rows.size());
        assertEquals("b", rows.get(0).get("user_id").asText());
        assertTrue(rows.get(0).get("id").isNumber(), "bigint ids come back as JSON numbers");
        assertTrue(rows.get(1).get("email").isNull());

        Answer isNull = call("GET", "/rest/v1/users?select=user_id&email=is.null", null);
        assertEquals("[{\"user_id\":\"a\"}]", isNull.body());
        Answer notNull = call("GET", "/rest/v1/users?select=user_id&email=not.is.null", null);
        assertEquals("[{\"user_id\":\"b\"}]", notNull.body());
    }

    @Test
    void readsAreCappedSilentlyAndCountsTellTheTruth() throws IOException {
        sandbox.execute("insert into users (user_id) select 'u' || g from generate_series(1, 25) g");
        sandbox.setMaxRows(10);

        Answer capped = call("GET", "/rest/v1/users?select=id&limit=20", null);
        assertEquals(200, capped.status(), "the cap is silent");
        assertEquals(10, capped.json().size());
        assertEquals("0-9/*", capped.header("Content-Range"));

        Answer counted = call("GET", "/rest/v1/users?select=id&offset=20", null, "Prefer", "count=exact");
        assertEquals(206, counted.status());
        assertEquals("20-24/25", counted.header("Content-Range"));

        Answer ranged = call("GET", "/rest/v1/users?select=id", null, "Range", "2-4");
        assertEquals(3, ranged.json().size());
        assertEquals("2-4/*", ranged.header("Content-Range"));

        Answer past = call("GET", "/rest/v1/users?offset=30", null, "Prefer", "count=exact");
        assertEquals(416, past.status());
        assertEquals("PGRST103", past.json().get("code").asText());
    }

    @Test
    void plusInTheQueryIsASpaceAndPercent2BIsAPlus() throws IOException {
        sandbox.insertRaw("u1", "a+b@x.com");
        sandbox.insertRaw("u2", "a b@x.com");
        assertEquals("[{\"user_id\":\"u2\"}]", call("GET", "/rest/v1/users?select=user_id&email=eq.a+b@x.com", null).body());
        assertEquals("[{\"user_id\":\"u1\"}]",
                call("GET", "/rest/v1/users?select=user_id&email=eq.a%2Bb%40x.com", null).body());
    }

    @Test
    void inListsFollowPostgrestsGrammar() throws IOException {
        for (String id : new String[] {"a\"b", "c\\d", "e,f", "(g)", "plain", "sp ace"}) {
            sandbox.insertRaw(id, null);
        }
        // quoted items: backslash escapes; commas and parentheses are literal inside quotes
        assertEquals(List.of("a\"b", "c\\d", "e,f", "(g)"), userIds(
                "user_id=in.(%22a%5C%22b%22,%22c%5C%5Cd%22,%22e,f%22,%22(g)%22)"));
        // unquoted items keep quotes and backslashes literally, and inner spaces
        assertEquals(List.of("a\"b", "c\\d", "sp ace"), userIds("user_id=in.(a%22b,c%5Cd,sp%20ace)"));
        // blanks around the list are skipped; in.() is the empty list
        assertEquals(List.of("plain"), userIds("user_id=in.(%20plain)"));
        assertEquals(List.of(), userIds("user_id=in.()"));
        assertEquals(List.of("a\"b", "c\\d", "e,f", "(g)", "sp ace"), userIds("user_id=not.in.(plain)"));
    }

    private List<String> userIds(String filter) throws IOException {
        Answer answer = call("GET", "/rest/v1/users?select=user_id&order=id.asc&" + filter, null);
        assertEquals(200, answer.status(), answer.body());
        return java.util.stream.StreamSupport.stream(answer.json().spliterator(), false)
                .map(row -> row.get("user_id").asText()).toList();
    }

    @Test
    void badValuesFailLikePostgresDoes() throws IOException {
        Answer quotedGt = call("GET", "/rest/v1/users?id=gt.%225%22", null);
        assertEquals(400, quotedGt.status(), "quotes are literal outside in-lists");
        assertEquals("22P02", quotedGt.json().get("code").asText());
        Answer emptyItem = call("GET", "/rest/v1/users?id=in.(%20,3)", null);
        assertEquals("22P02", emptyItem.json().get("code").asText());
        Answer unknownOperator = call("GET", "/rest/v1/users?id=nope.3", null);
        assertEquals(200, unknownOperator.status(), "not a filter: PostgREST ignores it on tables");
        Answer badList = call("GET", "/rest/v1/users?id=in.1,2", null);
        assertEquals("PGRST100", badList.json().get("code").asText());
    }

    @Test
    void bulkInsertIsAtomicAndKeysMustMatch() throws IOException {
        Answer mismatch = call("POST", "/rest/v1/users", "[{\"user_id\":\"a\"},{\"user_id\":\"b\",\"email\":\"x\"}]");
        assertEquals(400, mismatch.status());
        assertEquals("PGRST102", mismatch.json().get("code").asText());
        assertEquals("All object keys must match", mismatch.json().get("message").asText());

        Answer withColumns = call("POST", "/rest/v1/users?columns=%22user_id%22,%22email%22",
                "[{\"user_id\":\"a\"},{\"user_id\":\"b\",\"email\":\"x\",\"ignored\":1}]",
                "Prefer", "return=minimal,count=exact");
        assertEquals(201, withColumns.status());
        assertEquals("*/2", withColumns.header("Content-Range"));
        assertEquals("", withColumns.body());

        sandbox.execute("update users set email = '' where email is null");
        sandbox.execute("alter table users alter column email set not null");
        try {
            Answer notNull = call("POST", "/rest/v1/users",
                    "[{\"user_id\":\"c\",\"email\":\"c@x\"},{\"user_id\":\"d\",\"email\":null}]");
            assertEquals(400, notNull.status());
            assertEquals("23502", notNull.json().get("code").asText());
            assertTrue(notNull.json().has("details"));
        } finally {
            sandbox.execute("alter table users alter column email drop not null");
        }
        assertEquals(List.of("a", "b"), sandbox.rows().stream().map(TableRow::userId).toList(),
                "nothing of the rejected batch was written");
    }

    @Test
    void upsertNeedsAUniqueConstraintOnTheConflictColumn() throws IOException {
        String body = "[{\"user_id\":\"a\",\"email\":\"new@x\"},{\"user_id\":\"b\",\"email\":\"b@x\"}]";
        Answer noConstraint = call("POST", "/rest/v1/users?on_conflict=user_id", body,
                "Prefer", "resolution=ignore-duplicates,return=representation");
        assertEquals(400, noConstraint.status());
        assertEquals("42P10", noConstraint.json().get("code").asText());

        sandbox.addUniqueConstraint();
        try {
            sandbox.insertRaw("a", "old@x");
            Answer ignored = call("POST", "/rest/v1/users?on_conflict=user_id&select=user_id", body,
                    "Prefer", "resolution=ignore-duplicates,return=representation");
            assertEquals(201, ignored.status());
            assertEquals(JSON.readTree("[{\"user_id\":\"b\"}]"), ignored.json(), "only newly inserted rows come back");
            Answer plain = call("POST", "/rest/v1/users", "{\"user_id\":\"a\",\"email\":\"dup@x\"}");
            assertEquals(409, plain.status());
            assertEquals("23505", plain.json().get("code").asText());
            Answer merged = call("POST", "/rest/v1/users?on_conflict=user_id", "[{\"user_id\":\"a\",\"email\":\"m@x\"}]",
                    "Prefer", "resolution=merge-duplicates");
            assertEquals(201, merged.status());
            assertEquals("m@x", sandbox.rows().get(0).email());
        } finally {
            sandbox.execute("alter table users drop constraint users_user_id_key");
        }
    }

    @Test
    void patchAndDeleteNeedAFilterAndCount() throws IOException {
        sandbox.insertRaw("a", "a@x");
        sandbox.insertRaw("b", "b@x");
        Answer unfiltered = call("DELETE", "/rest/v1/users", null);
        assertEquals(400, unfiltered.status());
        assertEquals("21000", unfiltered.json().get("code").asText());
        assertEquals("DELETE requires a WHERE clause", unfiltered.json().get("message").asText());
        Answer unfilteredPatch = call("PATCH", "/rest/v1/users?limit=1", "{\"email\":\"z\"}");
        assertEquals("UPDATE requires a WHERE clause", unfilteredPatch.json().get("message").asText());

        Answer patch = call("PATCH", "/rest/v1/users?user_id=eq.a", "{\"email\":\"new@x\"}", "Prefer", "count=exact");
        assertEquals(204, patch.status());
        assertEquals("0-0/1", patch.header("Content-Range"));
        Answer delete = call("DELETE", "/rest/v1/users?user_id=in.(%22a%22,%22b%22,%22zz%22)", null,
                "Prefer", "count=exact");
        assertEquals(204, delete.status());
        assertEquals("*/2", delete.header("Content-Range"));
        assertTrue(sandbox.rows().isEmpty());
    }

    @Test
    void missingKeysBecomeNullOrTheColumnDefault() throws IOException {
        Answer withNull = call("POST", "/rest/v1/users?columns=id,user_id", "[{\"user_id\":\"a\"}]");
        assertEquals(400, withNull.status(), "id is listed in columns= but missing: NULL into the primary key");
        assertEquals("23502", withNull.json().get("code").asText());
        Answer withDefault = call("POST", "/rest/v1/users?columns=id,user_id", "[{\"user_id\":\"a\"}]",
                "Prefer", "missing=default");
        assertEquals(201, withDefault.status());
        assertEquals(1, sandbox.rows().size());
    }

    @Test
    void headAnswersWithTheCountOnly() throws IOException {
        sandbox.insertRaw("a", null);
        sandbox.insertRaw("b", null);
        Answer head = call("HEAD", "/rest/v1/users?limit=1", null, "Prefer", "count=exact");
        assertEquals(206, head.status());
        assertEquals("0-0/2", head.header("Content-Range"));
        assertEquals("", head.body());
    }
}
