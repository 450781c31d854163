package dev.hankosync.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.Idempotent;
import dev.hankosync.http.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Inserts: the idempotent upsert, the 42P10 fallback, and plain inserts whose outcome was lost. */
class PostgrestUserTableInsertTest extends PostgrestMockServerTest {

    @Test
    void upsertAsksForInsertedRowsOnlyAndIsTaggedIdempotent() throws Exception {
        List<Object> tags = new ArrayList<>();
        http = http.newBuilder().addInterceptor(chain -> {
            tags.add(chain.request().tag(Idempotent.class));
            return chain.proceed(chain.request());
        }).build();
        enqueue(201, "[{\"user_id\":\"u2\"}]");
        Set<String> inserted = table(SECRET_KEY).insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", null)));

        assertEquals(Set.of("u2"), inserted, "u1 was already there and came back absent");
        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals("user_id,email", request.getUrl().queryParameter("columns"));
        assertEquals("user_id", request.getUrl().queryParameter("on_conflict"));
        assertEquals("user_id", request.getUrl().queryParameter("select"));
        assertEquals("resolution=ignore-duplicates,return=representation", request.getHeaders().get("Prefer"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals("[{\"user_id\":\"u1\",\"email\":\"a@x.com\"},{\"user_id\":\"u2\",\"email\":null}]",
                request.getBody().utf8());
        assertEquals(List.of(Idempotent.YES), tags);
    }

    @Test
    void plusInAnInListIsSentAsPercent2B() throws Exception {
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"there is no unique or exclusion constraint\"}");
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        enqueue(200, "[]");
        enqueue(201, "[{\"user_id\":\"a+b\"}]");
        table(SECRET_KEY).insert(List.of(new NewRow("a+b", "a+b@x.com")));
        take();
        take();
        RecordedRequest reread = take();
        assertTrue(reread.getRequestLine().contains("user_id=in.%28%22a%2Bb%22%29"), reread.getRequestLine());
        assertFalse(reread.getRequestLine().contains("+"), reread.getRequestLine());
        assertEquals("in.(\"a+b\")", reread.getUrl().queryParameter("user_id"));
    }

    @Test
    void missingUniqueConstraintFallsBackToPlainInsertsAndWarnsOnce() throws Exception {
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"details\":null,\"hint\":null,\"message\":\"there is no unique or exclusion"
                + " constraint matching the ON CONFLICT specification\"}");
        enqueue(201, "[{\"user_id\":\"u1\"}]");
        enqueue(201, "[{\"user_id\":\"u2\"}]");
        assertEquals(Set.of("u1"), table.insert(List.of(new NewRow("u1", "a@x.com"))));
        assertEquals(Set.of("u2"), table.insert(List.of(new NewRow("u2", "b@x.com"))));

        assertTrue(table.usesPlainInserts());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("no unique constraint on column user_id"), warnings.get(0));
        assertTrue(warnings.get(0).contains("hanko-sync check"), warnings.get(0));
        assertEquals("user_id", take().getUrl().queryParameter("on_conflict"));
        for (int i = 0; i < 2; i++) {
            RecordedRequest plain = take();
            assertNull(plain.getUrl().queryParameter("on_conflict"));
            assertEquals("return=representation", plain.getHeaders().get("Prefer"));
            assertEquals("user_id,email", plain.getUrl().queryParameter("columns"));
        }
    }

    @Test
    void plainInsertAfterATimeoutRereadsAndInsertsOnlyTheMissingRows() throws Exception {
        http = http.newBuilder().readTimeout(Duration.ofMillis(300)).build();
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"no unique constraint\"}");
        server.enqueue(new MockResponse.Builder().code(201).headersDelay(2, TimeUnit.SECONDS)
                .body("[{\"user_id\":\"u1\"},{\"user_id\":\"u2\"}]").build());
        enqueue(200, "[{\"user_id\":\"u1\"}]");
        enqueue(201, "[{\"user_id\":\"u2\"}]");

        Set<String> inserted = table.insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", "b@x.com")));

        assertEquals(Set.of("u1", "u2"), inserted);
        take(); // the upsert that met 42P10
        take(); // the plain insert whose answer never came
        RecordedRequest reread = take();
        assertEquals("GET", reread.getMethod());
        assertEquals("user_id", reread.getUrl().queryParameter("select"));
        assertEquals("in.(\"u1\",\"u2\")", reread.getUrl().queryParameter("user_id"));
        RecordedRequest retry = take();
        assertEquals("POST", retry.getMethod());
        assertEquals("[{\"user_id\":\"u2\",\"email\":\"b@x.com\"}]", retry.getBody().utf8());
        assertEquals(List.of(RowInserter.FIRST_BACKOFF), pauses);
    }

    @Test
    void plainInsertGivesUpAfterBoundedTries() throws Exception {
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"no unique constraint\"}");
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        for (int i = 1; i < RowInserter.MAX_ATTEMPTS; i++) {
            enqueue(200, "[]");
            server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        }
        ApiException e = assertThrows(ApiException.class, () -> table.insert(List.of(new NewRow("u1", null))));
        assertEquals(503, e.status());
        assertEquals(RowInserter.MAX_ATTEMPTS - 1, pauses.size());
        assertTrue(pauses.get(1).compareTo(pauses.get(0)) > 0, "backs off: " + pauses);
    }

    @Test
    void notNullViolationRejectsTheRows() {
        enqueue(400, "{\"code\":\"23502\",\"details\":\"Failing row contains (5, u2, null).\",\"hint\":null,"
                + "\"message\":\"null value in column \\\"email\\\" of relation \\\"users\\\" violates not-null constraint\"}");
        RowsRejectedException e = assertThrows(RowsRejectedException.class,
                () -> table(SECRET_KEY).insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", null))));
        assertEquals("23502", e.code());
        assertTrue(e.detail().contains("violates not-null constraint"), e.detail());
    }
}
