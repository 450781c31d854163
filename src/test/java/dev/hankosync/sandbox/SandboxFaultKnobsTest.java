package dev.hankosync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.supabase.TableRow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fault knobs the reliability suite relies on, seen from a plain HTTP client without retries. */
class SandboxFaultKnobsTest {

    /** Short read timeout: a knob that left the connection hanging instead of breaking it would fail the test. */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(3)).build();

    static SupabaseSandbox supabase;

    @BeforeAll
    static void start() throws IOException {
        supabase = SupabaseSandbox.start();
    }

    @AfterAll
    static void stop() {
        supabase.close();
    }

    private static Response get(String url) throws IOException {
        return HTTP.newCall(new Request.Builder().url(url).build()).execute();
    }

    private Request.Builder rest(String pathAndQuery) {
        return new Request.Builder().url(supabase.url() + "/rest/v1/" + pathAndQuery)
                .header("apikey", supabase.keys().secretKey());
    }

    @Test
    void hankoBreaksAnAnswerMidBodyAndTheConnectionCloses() throws IOException {
        try (HankoSandbox hanko = HankoSandbox.start()) {
            for (int i = 0; i < 20; i++) {
                hanko.addUser("u" + i + "@example.com");
            }
            hanko.breakEveryNthAnswer(2);
            try (Response first = get(hanko.baseUrl() + "/users?per_page=20")) {
                assertEquals(20, first.body().string().split("\"address\"").length - 1);
            }
            long start = System.nanoTime();
            try (Response second = get(hanko.baseUrl() + "/users?per_page=20")) {
                assertEquals(200, second.code());
                assertThrows(IOException.class, () -> second.body().string());
            }
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "broken at once, not left hanging");
        }
    }

    @Test
    void hankoServesAnyBodyVerbatimAndReplacesTheTotalCount() throws IOException {
        try (HankoSandbox hanko = HankoSandbox.start()) {
            hanko.addUser("a@example.com");
            hanko.answerEveryNthRequest(2, 520, "<html><title>520</title></html>");
            hanko.answerEveryNthRequest(3, 502, "Bad Gateway");
            hanko.replaceTotalCount("lots");
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try (Response response = get(hanko.baseUrl() + "/users")) {
                    answers.add(response.code() + " " + response.header("Content-Type") + " "
                            + response.header("X-Total-Count"));
                }
            }
            assertEquals(List.of("200 application/json lots", "520 text/html; charset=utf-8 null",
                    "502 text/plain; charset=utf-8 null", "520 text/html; charset=utf-8 null"), answers);
            hanko.replaceTotalCount(null);
            hanko.clearFailures();
            try (Response response = get(hanko.baseUrl() + "/users")) {
                assertNull(response.header("X-Total-Count"));
            }
            hanko.restoreTotalCount();
            try (Response response = get(hanko.baseUrl() + "/users")) {
                assertEquals("1", response.header("X-Total-Count"));
            }
        }
    }

    @Test
    void supabaseBreaksAReadMidBodyAndCommitsAWriteWhoseAnswerItBreaks() throws IOException {
        supabase.truncate();
        supabase.faults().clear();
        for (int i = 0; i < 50; i++) {
            supabase.insertRaw("u" + i, "u" + i + "@example.com");
        }
        supabase.faults().breakBodyEvery("*", 1);
        try (Response read = HTTP.newCall(rest("users?select=user_id").build()).execute()) {
            assertEquals(200, read.code());
            assertThrows(IOException.class, () -> read.body().string());
        }
        Request insert = rest("users?select=user_id").header("Prefer", "return=representation")
                .post(RequestBody.create("[{\"user_id\":\"new\"}]", MediaType.get("application/json"))).build();
        try (Response written = HTTP.newCall(insert).execute()) {
            assertThrows(IOException.class, () -> written.body().string());
        }
        supabase.faults().clear();
        assertEquals(51, supabase.rows().size(), "the write committed behind the broken answer");
    }

    @Test
    void supabaseAnswersACommittedWriteWithAnyBodyAndRunsHooksBeforeARequest() throws IOException {
        supabase.truncate();
        supabase.faults().clear();
        supabase.faults().answerEveryAfterCommit("POST", 1, 201, "[{\"user_id\":");
        supabase.faults().beforeRequest("POST", 2, () -> supabase.insertRaw("app", "app@example.com"));
        for (String id : List.of("a", "b")) {
            Request insert = rest("users").header("Prefer", "return=representation")
                    .post(RequestBody.create("[{\"user_id\":\"" + id + "\"}]", MediaType.get("application/json")))
                    .build();
            try (Response written = HTTP.newCall(insert).execute()) {
                assertEquals(201, written.code());
                assertEquals("[{\"user_id\":", written.body().string());
            }
        }
        supabase.faults().clear();
        assertEquals(List.of("a", "app", "b"), supabase.rows().stream().map(TableRow::userId).toList(),
                "the hook ran once, right before the second POST was carried out");
    }
}
