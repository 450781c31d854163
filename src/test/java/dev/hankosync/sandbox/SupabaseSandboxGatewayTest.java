package dev.hankosync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.supabase.TableRow;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's gateway: keys, schemas, unknown names, and the fault knobs. */
class SupabaseSandboxGatewayTest extends SupabaseSandboxHttpTest {

    @Test
    void unknownTablesColumnsAndSchemasAreNamed() throws IOException {
        Answer table = call("GET", "/rest/v1/nope", null);
        assertEquals(404, table.status());
        assertEquals("PGRST205", table.json().get("code").asText());
        assertEquals("Could not find the table 'public.nope' in the schema cache", table.json().get("message").asText());
        Answer payload = call("POST", "/rest/v1/users", "{\"user_id\":\"a\",\"emial\":\"x\"}");
        assertEquals(400, payload.status());
        assertEquals("PGRST204", payload.json().get("code").asText());
        assertEquals("Could not find the 'emial' column of 'users' in the schema cache",
                payload.json().get("message").asText());
        Answer select = call("GET", "/rest/v1/users?select=id,emial", null);
        assertEquals("42703", select.json().get("code").asText());
        Answer injection = call("GET", "/rest/v1/users?order=id%22%3Bdrop%20table%20users%3B--.asc", null);
        assertEquals(400, injection.status());
        Answer schema = call("GET", "/rest/v1/users", null, "Accept-Profile", "private");
        assertEquals(406, schema.status());
        assertEquals("PGRST106", schema.json().get("code").asText());
        assertEquals(200, call("GET", "/rest/v1/users", null, "Content-Profile", "private").status(),
                "reads look at Accept-Profile only");
    }

    @Test
    void gatewayChecksKeysLikeSupabase() throws IOException {
        SupabaseSandboxKeys keys = sandbox.keys();
        Answer none = call("GET", "/rest/v1/users", null, "apikey", null);
        assertEquals(401, none.status());
        assertEquals("No API key found in request", none.json().get("message").asText());
        assertNull(none.json().get("code"));
        Answer invalid = call("GET", "/rest/v1/users", null, "apikey", "sb_secret_wrong");
        assertEquals("Invalid API key", invalid.json().get("message").asText());

        assertEquals(200, call("GET", "/rest/v1/users", null, "apikey", keys.serviceRoleKey(),
                "Authorization", "Bearer " + keys.serviceRoleKey()).status());
        Answer jwtWithoutBearer = call("GET", "/rest/v1/users", null, "apikey", keys.serviceRoleKey());
        assertEquals(401, jwtWithoutBearer.status(), "a legacy key without Authorization runs as anon");
        assertEquals("42501", jwtWithoutBearer.json().get("code").asText());
        Answer anon = call("GET", "/rest/v1/users", null, "apikey", keys.anonKey(), "Authorization",
                "Bearer " + keys.anonKey());
        assertEquals("42501", anon.json().get("code").asText());
        Answer staleBearer = call("GET", "/rest/v1/users", null, "apikey", keys.serviceRoleKey(), "Authorization",
                "Bearer " + keys.anonKey());
        assertEquals(401, staleBearer.status(), "the Authorization header wins over apikey");
        Answer secretAsBearer = call("GET", "/rest/v1/users", null, "apikey", keys.secretKey(), "Authorization",
                "Bearer " + keys.secretKey());
        assertEquals(200, secretAsBearer.status(), "the same secret key in both headers is fine");
        Answer otherBearer = call("GET", "/rest/v1/users", null, "Authorization", "Bearer sb_secret_other");
        assertEquals("PGRST301", otherBearer.json().get("code").asText());
        assertEquals(401, call("GET", "/rest/v1/users", null, "apikey", keys.publishableKey()).status());
        assertFalse(keys.toString().contains(keys.secretKey()));
    }

    @Test
    void faultKnobsFailEveryNthRequestAndCount() throws IOException {
        sandbox.faults().failEvery("GET", 2, 503, 7, "<html><title>busy</title></html>");
        Answer first = call("GET", "/rest/v1/users", null);
        Answer second = call("GET", "/rest/v1/users", null);
        Answer third = call("GET", "/rest/v1/users", null);
        assertEquals(List.of(200, 503, 200), List.of(first.status(), second.status(), third.status()));
        assertEquals("7", second.header("Retry-After"));
        assertTrue(second.header("Content-Type").startsWith("text/html"));
        assertEquals("<html><title>busy</title></html>", second.body());
        call("POST", "/rest/v1/users", "{\"user_id\":\"a\"}");
        assertEquals(3, sandbox.faults().requestCount("GET"));
        assertEquals(1, sandbox.faults().requestCount("POST"));
        assertEquals(4, sandbox.faults().requestCount());
    }

    @Test
    void afterCommitFaultsWriteButHideTheAnswer() throws IOException {
        sandbox.faults().failEveryAfterCommit("POST", 1, 502);
        assertEquals(502, call("POST", "/rest/v1/users", "{\"user_id\":\"a\"}").status());
        sandbox.faults().clear();
        sandbox.faults().dropConnectionEvery("POST", 1, true);
        assertThrows(IOException.class, () -> call("POST", "/rest/v1/users", "{\"user_id\":\"b\"}"));
        sandbox.faults().clear();
        sandbox.faults().dropConnectionEvery("POST", 1, false);
        assertThrows(IOException.class, () -> call("POST", "/rest/v1/users", "{\"user_id\":\"c\"}"));
        assertEquals(List.of("a", "b"), sandbox.rows().stream().map(TableRow::userId).toList());
    }

    @Test
    void latencyDelaysEveryAnswer() throws IOException {
        sandbox.faults().setLatency(Duration.ofMillis(300));
        long start = System.nanoTime();
        call("GET", "/rest/v1/users", null);
        assertTrue(System.nanoTime() - start >= 300_000_000L);
    }
}
