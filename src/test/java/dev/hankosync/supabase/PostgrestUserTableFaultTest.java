package dev.hankosync.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import dev.hankosync.http.HttpClients;
import dev.hankosync.http.HttpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers that break off in transit, through the real HTTP stack with its retries (without waiting). */
class PostgrestUserTableFaultTest extends PostgrestMockServerTest {

    @BeforeEach
    void realHttpStack() {
        http = HttpClients.create(HttpSettings.defaults("test").withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(10)).withMaxRetries(2), null, duration -> { });
    }

    private static String rows(int from, int to) {
        StringBuilder json = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",").append("{\"id\":").append(i).append(",\"user_id\":\"u").append(i)
                    .append("\",\"email\":\"u").append(i).append("@example.com\"}");
        }
        return json.append(']').toString();
    }

    private void enqueueBroken(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body).onResponseBody(new SocketEffect.CloseSocket()).build());
    }

    @Test
    void aTablePageThatBreaksOffIsReadAgain() {
        enqueueBroken(200, rows(1, 300));
        enqueue(200, rows(1, 300));
        enqueue(200, "[]");
        List<TableRow> read = new ArrayList<>();

        table(SECRET_KEY).readAll(1000, read::addAll);

        assertEquals(299, read.size());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aTablePageThatBreaksOnEveryTryNamesTheCallAndTheStatus() {
        for (int i = 0; i < 3; i++) {
            enqueueBroken(200, rows(1, 300));
        }

        ApiException e = assertThrows(ApiException.class, () -> table(SECRET_KEY).readAll(1000, page -> { }));

        assertEquals(200, e.status());
        assertTrue(e.getMessage().startsWith("Supabase's HTTP 200 answer to GET /rest/v1/users broke off before its"
                + " end: "), e.getMessage());
        assertFalse(e.getMessage().contains("select="), e.getMessage());
    }

    @Test
    void anInsertWhoseAnswerBreaksOffIsReReadNotRepeated() throws Exception {
        String answer = "[" + "{\"user_id\":\"u1\"},".repeat(200) + "{\"user_id\":\"u2\"}]";
        enqueueBroken(201, answer);                                       // committed; the answer breaks off
        enqueue(200, "[{\"user_id\":\"u1\"},{\"user_id\":\"u2\"}]");    // the re-read finds both

        Set<String> inserted = table(SECRET_KEY).insert(List.of(new NewRow("u1", null), new NewRow("u2", null)));

        assertEquals(Set.of("u1", "u2"), inserted);
        assertEquals("POST", take().getMethod());
        assertEquals("GET", take().getMethod());
        assertEquals(2, server.getRequestCount(), "the insert was not sent again");
    }

    @Test
    void anErrorBodyWithoutACodeStillNamesTheCallAndTheStatus() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(520).addHeader("Content-Type", "text/html")
                    .body("<html><head><title>520: Web server is returning an unknown error</title></head></html>")
                    .build());
        }

        ApiException e = assertThrows(ApiException.class, () -> table(SECRET_KEY).readAll(1000, page -> { }));

        assertEquals(520, e.status());
        assertEquals("Supabase request failed: GET /rest/v1/users answered HTTP 520 (HTML error page: 520: Web server"
                + " is returning an unknown error)", e.getMessage());
        assertEquals(3, server.getRequestCount(), "520 is retried");
    }
}
