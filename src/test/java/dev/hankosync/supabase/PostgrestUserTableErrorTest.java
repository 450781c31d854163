package dev.hankosync.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Failures become one-line messages that say what to fix, and never show the key. */
class PostgrestUserTableErrorTest extends PostgrestMockServerTest {

    @Test
    void uniqueViolationOnUpdateRejectsTheRow() {
        enqueue(409, "{\"code\":\"23505\",\"message\":\"duplicate key value violates unique constraint \\\"users_email_key\\\"\"}");
        RowsRejectedException e = assertThrows(RowsRejectedException.class,
                () -> table(SECRET_KEY).updateEmail("3", "taken@x.com"));
        assertEquals("23505", e.code());
    }

    @Test
    void errorBodiesThatAreNotJsonStillGiveOneLine() {
        server.enqueue(new MockResponse.Builder().code(414).addHeader("Content-Type", "text/plain")
                .body("URI too long\n").build());
        server.enqueue(new MockResponse.Builder().code(520).addHeader("Content-Type", "text/html").body(
                "<!DOCTYPE html>\n<html><head><title>xyz.supabase.co | 520: Web server is returning an unknown error"
                        + "</title></head><body><h1>Error</h1></body></html>").build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        PostgrestUserTable table = table(SECRET_KEY);

        ApiException tooLong = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertEquals(414, tooLong.status());
        assertNull(tooLong.code());
        assertEquals("Supabase request failed: GET /rest/v1/users answered HTTP 414 (URI too long)", tooLong.getMessage());
        ApiException html = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertTrue(html.getMessage().contains("520: Web server is returning an unknown error"), html.getMessage());
        assertFalse(html.getMessage().contains("<"), html.getMessage());
        ApiException empty = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertTrue(empty.getMessage().contains("HTTP 502 (empty body)"), empty.getMessage());
        assertFalse(empty.getMessage().contains("limit"), "no query in messages: " + empty.getMessage());
    }

    @Test
    void rejectedKeyExplainsWhichVariablesToCheck() {
        server.enqueue(new MockResponse.Builder().code(401).body(
                "{\"message\":\"Invalid API key\",\"hint\":\"Double check your Supabase `anon` or `service_role` API key.\"}").build());
        enqueue(401, "{\"code\":\"42501\",\"details\":null,\"hint\":null,\"message\":\"permission denied for table users\"}");
        PostgrestUserTable table = table(JWT_KEY);

        ApiException invalid = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertEquals(401, invalid.status());
        assertTrue(invalid.getMessage().startsWith("Supabase rejected the key"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains("SUPABASE_SERVICE_ROLE_KEY / SUPABASE_SECRET_KEY"));
        assertFalse(invalid.getMessage().contains("not enough"), invalid.getMessage());
        ApiException anon = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertTrue(anon.getMessage().contains("an anon or publishable key is not enough"), anon.getMessage());
    }

    @Test
    void missingTableAndColumnAreNamed() {
        enqueue(404, "{\"code\":\"PGRST205\",\"details\":null,\"hint\":\"Perhaps you meant the table 'public.user'\","
                + "\"message\":\"Could not find the table 'public.users' in the schema cache\"}");
        enqueue(400, "{\"code\":\"PGRST204\",\"details\":null,\"hint\":null,"
                + "\"message\":\"Could not find the 'emial' column of 'users' in the schema cache\"}");
        enqueue(400, "{\"code\":\"42703\",\"message\":\"column users.emial does not exist\"}");
        enqueue(406, "{\"code\":\"PGRST106\",\"message\":\"Invalid schema: app\"}");
        enqueue(403, "{\"code\":\"42501\",\"message\":\"permission denied for table users\"}");
        PostgrestUserTable table = table(SECRET_KEY);

        ApiException noTable = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertEquals("PGRST205", noTable.code());
        assertTrue(noTable.getMessage().startsWith("Supabase table public.users does not exist"), noTable.getMessage());
        ApiException noColumn = assertThrows(ApiException.class, () -> table.insert(List.of(new NewRow("u", "e"))));
        assertTrue(noColumn.getMessage().startsWith("Supabase column 'emial' does not exist in table public.users"),
                noColumn.getMessage());
        ApiException noColumnSql = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertTrue(noColumnSql.getMessage().startsWith("Supabase column 'emial' does not exist"), noColumnSql.getMessage());
        ApiException schema = assertThrows(ApiException.class, () -> table.readAll(10, page -> { }));
        assertTrue(schema.getMessage().contains("is not exposed"), schema.getMessage());
        ApiException denied = assertThrows(ApiException.class, () -> table.updateEmail("1", "x@y.z"));
        assertTrue(denied.getMessage().startsWith("Supabase permission denied for table public.users"),
                denied.getMessage());
    }

    @Test
    void keyNeverAppearsInAnyMessage() throws Exception {
        // A misbehaving proxy echoes the request headers back in its error body.
        for (int status : new int[] {401, 500, 400}) {
            enqueue(status, "{\"code\":\"23502\",\"message\":\"apikey was " + JWT_KEY + "\",\"details\":\"" + JWT_KEY + "\"}");
        }
        PostgrestUserTable table = table(JWT_KEY);
        List<RuntimeException> failures = new ArrayList<>();
        failures.add(assertThrows(ApiException.class, () -> table.readAll(10, page -> { })));
        failures.add(assertThrows(ApiException.class, () -> table.readAll(10, page -> { })));
        failures.add(assertThrows(RowsRejectedException.class, () -> table.updateEmail("1", "a@b.c")));
        int port = server.getPort();
        server.close();
        PostgrestUserTable unreachable = new PostgrestUserTable(http,
                SupabaseTarget.of("http://127.0.0.1:" + port, JWT_KEY));
        ApiException down = assertThrows(ApiException.class, () -> unreachable.readAll(10, page -> { }));
        assertTrue(down.getMessage().startsWith("Supabase unreachable at 127.0.0.1:" + port + " (GET /rest/v1/users): "),
                down.getMessage());
        assertFalse(down.getMessage().contains("select="), "the query stays out: " + down.getMessage());
        failures.add(down);
        for (RuntimeException failure : failures) {
            assertFalse(failure.getMessage().contains(JWT_KEY), failure.getMessage());
            assertFalse(failure.getMessage().contains("c2lnbmF0dXJl"), failure.getMessage());
        }
        assertFalse(SupabaseTarget.of("http://x", JWT_KEY).toString().contains("c2lnbmF0dXJl"));
    }

    @Test
    void deleteWithoutACountIsAnError() {
        server.enqueue(new MockResponse.Builder().code(204).build());
        ApiException e = assertThrows(ApiException.class, () -> table(SECRET_KEY).delete(List.of("1")));
        assertTrue(e.getMessage().contains("without a count in Content-Range"), e.getMessage());
    }

    @Test
    void malformedJsonIsNamedAsSuch() {
        enqueue(200, "{\"not\":\"an array\"}");
        ApiException e = assertThrows(ApiException.class, () -> table(SECRET_KEY).readAll(10, page -> { }));
        assertEquals(200, e.status());
        assertTrue(e.getMessage().contains("not the expected JSON"), e.getMessage());
    }
}
