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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Inserts: the idempotent upsert, the 42P10 fallback, and plain inserts whose outcome was lost. */
class PostgrestUserTableInsertTest extends PostgrestMockServerTest {

    @Test
    void upsertAsksForInsertedRowsOnlyAndIsNotLeftToTheHttpLayerToRepeat() throws Exception {
        List<Object> tags = new ArrayList<>();
        List<Boolean> oneShot = new ArrayList<>();
        http = http.newBuilder().addInterceptor(chain -> {
            tags.add(chain.request().tag(Idempotent.class));
            oneShot.add(chain.request().body().isOneShot());
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
        // a repeated upsert would answer [] for what the lost try wrote: the inserter repeats it, after a re-read
        assertEquals(Collections.singletonList(null), tags);
        assertEquals(List.of(true), oneShot);
    }

    @Test
    void upsertWhoseAnswerWasLostIsReReadSoRowsItWroteCountAsInserted() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("upstream timeout").build());
        enqueue(200, "[{\"user_id\":\"u1\"}]");
        enqueue(201, "[{\"user_id\":\"u2\"}]");

        Set<String> inserted = table(SECRET_KEY).insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", null)));

        assertEquals(Set.of("u1", "u2"), inserted, "u1 was written by the try whose answer was lost");
        assertEquals("user_id", take().getUrl().queryParameter("on_conflict"));
        RecordedRequest reread = take();
        assertEquals("GET", reread.getMethod());
        assertEquals("in.(\"u1\",\"u2\")", reread.getUrl().queryParameter("user_id"));
        RecordedRequest again = take();
        assertEquals("user_id", again.getUrl().queryParameter("on_conflict"));
        assertEquals("[{\"user_id\":\"u2\",\"email\":null}]", again.getBody().utf8());
    }

    @Test
    void aSuccessWhoseBodyCannotBeReadIsAnUnknownOutcomeToo() throws Exception {
        enqueue(201, "[{\"user_id\":\"u1\"},{\"user_");                       // committed, answer cut off
        enqueue(200, "[{\"user_id\":\"u1\"},{\"user_id\":\"u2\"}]");      // the re-read: both landed

        Set<String> inserted = table(SECRET_KEY).insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", null)));

        assertEquals(Set.of("u1", "u2"), inserted);
        assertEquals(2, server.getRequestCount(), "nothing left to send after the re-read");
    }

    @Test
    void plusInAnInListIsSentAsPercent2B() throws Exception {
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"there is no unique or exclusion constraint\"}");
        enqueue(200, "[]");
        enqueue(201, "[{\"user_id\":\"a+b\"}]");
        table(SECRET_KEY).insert(List.of(new NewRow("a+b", "a+b@x.com")));
        take();
        RecordedRequest check = take();
        assertTrue(check.getRequestLine().contains("user_id=in.%28%22a%2Bb%22%29"), check.getRequestLine());
        assertFalse(check.getRequestLine().contains("+"), check.getRequestLine());
        assertEquals("in.(\"a+b\")", check.getUrl().queryParameter("user_id"));
    }

    @Test
    void missingUniqueConstraintFallsBackToCheckedPlainInsertsAndWarnsOnce() throws Exception {
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"details\":null,\"hint\":null,\"message\":\"there is no unique or exclusion"
                + " constraint matching the ON CONFLICT specification\"}");
        enqueue(200, "[]");
        enqueue(201, "[{\"user_id\":\"u1\"}]");
        enqueue(200, "[]");
        enqueue(201, "[{\"user_id\":\"u2\"}]");
        assertEquals(Set.of("u1"), table.insert(List.of(new NewRow("u1", "a@x.com"))));
        assertEquals(Set.of("u2"), table.insert(List.of(new NewRow("u2", "b@x.com"))));

        assertTrue(table.usesPlainInserts());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("no unique constraint on column user_id"), warnings.get(0));
        assertTrue(warnings.get(0).contains("hanko-sync check"), warnings.get(0));
        assertEquals("user_id", take().getUrl().queryParameter("on_conflict"));
        for (int i = 0; i < 2; i++) {
            assertEquals("GET", take().getMethod(), "each plain insert is checked against the table first");
            RecordedRequest plain = take();
            assertNull(plain.getUrl().queryParameter("on_conflict"));
            assertEquals("return=representation", plain.getHeaders().get("Prefer"));
            assertEquals("user_id,email", plain.getUrl().queryParameter("columns"));
        }
    }

    @Test
    void aPlainInsertSkipsRowsAnotherWriterAddedSinceTheTableWasRead() throws Exception {
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"no unique constraint\"}");
        enqueue(200, "[{\"user_id\":\"u1\"}]");                 // the app's sign-in route wrote u1 meanwhile
        enqueue(201, "[{\"user_id\":\"u2\"}]");

        Set<String> inserted = table.insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", "b@x.com")));

        assertEquals(Set.of("u2"), inserted, "u1 is the app's row, not one this run created");
        take();
        take();
        assertEquals("[{\"user_id\":\"u2\",\"email\":\"b@x.com\"}]", take().getBody().utf8());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void plainInsertAfterATimeoutRereadsAndInsertsOnlyTheMissingRows() throws Exception {
        http = http.newBuilder().readTimeout(Duration.ofMillis(300)).build();
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"no unique constraint\"}");
        enqueue(200, "[]");
        server.enqueue(new MockResponse.Builder().code(201).headersDelay(2, TimeUnit.SECONDS)
                .body("[{\"user_id\":\"u1\"},{\"user_id\":\"u2\"}]").build());
        enqueue(200, "[{\"user_id\":\"u1\"}]");
        enqueue(201, "[{\"user_id\":\"u2\"}]");

        Set<String> inserted = table.insert(List.of(new NewRow("u1", "a@x.com"), new NewRow("u2", "b@x.com")));

        assertEquals(Set.of("u1", "u2"), inserted);
        take(); // the upsert that met 42P10
        take(); // the check before the plain insert
        take(); // the plain insert whose answer never came
        RecordedRequest reread = take();
        assertEquals("GET", reread.getMethod());
        assertEquals("user_id", reread.getUrl().queryParameter("select"));
        assertEquals("in.(\"u1\",\"u2\")", reread.getUrl().queryParameter("user_id"));
        RecordedRequest retry = take();
        assertEquals("POST", retry.getMethod());
        assertEquals("[{\"user_id\":\"u2\",\"email\":\"b@x.com\"}]", retry.getBody().utf8());
        assertEquals(List.of(RowInserter.TIMED_OUT_WRITE_SETTLE), pauses,
                "a timed-out insert may still be running on the server: the re-read waits until it cannot be");
    }

    @Test
    void aFailedCheckBeforeAPlainInsertIsRepeatedWithoutTakingTheAppsRowsForOurs() throws Exception {
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"no unique constraint\"}");
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build()); // the check fails
        enqueue(200, "[{\"user_id\":\"u1\"}]");                                 // the app's row, seen on retry
        enqueue(201, "[{\"user_id\":\"u2\"}]");

        Set<String> inserted = table.insert(List.of(new NewRow("u1", null), new NewRow("u2", null)));

        assertEquals(Set.of("u2"), inserted, "no insert of ours was lost, so u1 is the app's row");
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void aLostAnswerThatWasNoTimeoutIsReReadAfterTheUsualBackoff() throws Exception {
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"no unique constraint\"}");
        enqueue(200, "[]");
        server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        enqueue(200, "[]");
        enqueue(201, "[{\"user_id\":\"u1\"}]");

        assertEquals(Set.of("u1"), table.insert(List.of(new NewRow("u1", null))));
        assertEquals(List.of(RowInserter.FIRST_BACKOFF), pauses);
    }

    @Test
    void plainInsertGivesUpAfterBoundedTries() throws Exception {
        PostgrestUserTable table = table(SECRET_KEY);
        enqueue(400, "{\"code\":\"42P10\",\"message\":\"no unique constraint\"}");
        enqueue(200, "[]");
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        for (int i = 1; i < RowInserter.MAX_ATTEMPTS; i++) {
            enqueue(200, "[]");
            server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        }
        ApiException e = assertThrows(ApiException.class, () -> table.insert(List.of(new NewRow("u1", null))));
        assertEquals(503, e.status());
        assertFalse(e instanceof PartlyInsertedException, "no try wrote anything");
        assertEquals(RowInserter.MAX_ATTEMPTS - 1, pauses.size());
        assertTrue(pauses.get(1).compareTo(pauses.get(0)) > 0, "backs off: " + pauses);
        assertEquals(3 + 2 * (RowInserter.MAX_ATTEMPTS - 1), server.getRequestCount(),
                "upsert, check, insert, then a re-read and an insert per further try");
    }

    @Test
    void givingUpAfterARereadFoundSomeRowsNamesTheRowsThatLanded() {
        server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        for (int i = 1; i < RowInserter.MAX_ATTEMPTS; i++) {
            enqueue(200, "[{\"user_id\":\"u1\"}]");
            server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        }
        PartlyInsertedException e = assertThrows(PartlyInsertedException.class,
                () -> table(SECRET_KEY).insert(List.of(new NewRow("u1", null), new NewRow("u2", null))));
        assertEquals(Set.of("u1"), e.inserted());
        assertEquals(502, e.status());
        assertTrue(e.getMessage().contains("502"), e.getMessage());
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
