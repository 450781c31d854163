package dev.hankosync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Jitter fixed at the top of its range, so the waits are exactly the exponential ceilings. */
    private OkHttpClient client(int maxRetries, Duration base, Duration max) {
        RetryInterceptor retry = new RetryInterceptor(maxRetries, base, max, sleeper, () -> 1.0,
                Clock.fixed(NOW, ZoneOffset.UTC), notices::add);
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .readTimeout(5, TimeUnit.SECONDS)
                .addInterceptor(retry)
                .build();
    }

    private OkHttpClient client() {
        return client(3, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private HttpUrl url() {
        return HttpUrl.get("http://127.0.0.1:" + server.getPort() + "/users?page=1");
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"code\":" + code + "}").build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).body("ok").build();
    }

    private Response call(OkHttpClient client, Request request) throws IOException {
        return client.newCall(request).execute();
    }

    private Request get() {
        return new Request.Builder().url(url()).build();
    }

    private Request post(boolean idempotent) {
        Request.Builder builder = new Request.Builder().url(url())
                .post(RequestBody.create("[]", MediaType.get("application/json")));
        if (idempotent) {
            builder.tag(Idempotent.class, Idempotent.YES);
        }
        return builder.build();
    }

    @Test
    void a503IsRetriedAndTheSecondAnswerReturned() throws IOException {
        server.enqueue(status(503));
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(200, response.code());
            assertEquals("ok", response.body().string());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(500)), sleeper.sleeps());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("GET /users after status 503"), notices.get(0));
        assertTrue(!notices.get(0).contains("page=1"), "the query stays out of notices");
    }

    @Test
    void backoffDoublesWithEachRetryUpToTheMax() throws IOException {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(500));
        }
        server.enqueue(ok());

        try (Response response = call(client(4, Duration.ofMillis(500), Duration.ofMillis(1500)), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1500),
                Duration.ofMillis(1500)), sleeper.sleeps());
    }

    @Test
    void jitterDrawsTheWaitBelowTheCeiling() {
        RetryInterceptor retry = new RetryInterceptor(5, Duration.ofMillis(1000), Duration.ofSeconds(30),
                sleeper, () -> 0.25, Clock.systemUTC(), null);
        assertEquals(Duration.ofMillis(250), retry.backoff(0));
        assertEquals(Duration.ofMillis(2000), retry.backoff(3));
        assertEquals(Duration.ofMillis(7500), retry.backoff(62), "a huge retry number must not overflow");
    }

    @Test
    void retryAfterInSecondsIsHonoured() throws IOException {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "7").build());
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps());
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() throws IOException {
        server.enqueue(new MockResponse.Builder().code(503)
                .addHeader("Retry-After", "Wed, 01 Jan 2025 00:00:12 GMT").build());
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(12)), sleeper.sleeps());
    }

    @Test
    void retryAfterIsCappedAtTheMaxBackoff() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(30)), sleeper.sleeps());
    }

    @Test
    void retryAfterInThePastMeansNoWaitAndGarbageFallsBackToBackoff() {
        RetryInterceptor retry = new RetryInterceptor(3, Duration.ofMillis(500), Duration.ofSeconds(30),
                sleeper, () -> 1.0, Clock.fixed(NOW, ZoneOffset.UTC), null);
        assertEquals(Duration.ZERO, retry.retryAfter("Tue, 31 Dec 2024 23:59:00 GMT"));
        assertEquals(null, retry.retryAfter("soon"));
        assertEquals(null, retry.retryAfter("1.5"));
        assertEquals(Duration.ofSeconds(30), retry.retryAfter("99999999999999999999"));
    }

    @Test
    void a429IsRetried() throws IOException {
        server.enqueue(status(429));
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void everyTransientStatusIsRetried() throws IOException {
        int[] statuses = {429, 500, 502, 503, 504, 520, 544};
        for (int code : statuses) {
            server.enqueue(status(code));
        }
        server.enqueue(ok());

        try (Response response = call(client(statuses.length, Duration.ZERO, Duration.ZERO), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(statuses.length + 1, server.getRequestCount());
    }

    @Test
    void otherErrorStatusesAreNotRetried() throws IOException {
        server.enqueue(status(404));
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(404, response.code());
        }
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.sleeps().isEmpty());
    }

    @Test
    void aPostWithoutTheIdempotentTagIsNotRetried() throws IOException {
        server.enqueue(status(503));
        server.enqueue(ok());

        try (Response response = call(client(), post(false))) {
            assertEquals(503, response.code());
        }
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.sleeps().isEmpty());
    }

    @Test
    void aPostWithTheIdempotentTagIsRetriedWithItsBody() throws IOException, InterruptedException {
        server.enqueue(status(503));
        server.enqueue(ok());

        try (Response response = call(client(), post(true))) {
            assertEquals(200, response.code());
        }
        assertEquals(2, server.getRequestCount());
        server.takeRequest();
        assertEquals("[]", server.takeRequest().getBody().utf8(), "the retry sends the body again");
    }

    @Test
    void givesUpAfterMaxRetriesAndReturnsTheLastResponse() throws IOException {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(status(502));
        server.enqueue(status(504));
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(504, response.code());
            assertEquals("{\"code\":504}", response.body().string(), "the caller can still read the last body");
        }
        assertEquals(4, server.getRequestCount(), "one try plus three retries");
        assertEquals(3, sleeper.sleeps().size());
    }

    @Test
    void aDroppedConnectionIsRetriedForGet() throws IOException {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok());

        try (Response response = call(client(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(notices.get(0).contains("GET /users after"), notices.get(0));
    }

    @Test
    void aDroppedConnectionIsNotRetriedForAPlainPost() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok());

        assertThrows(IOException.class, () -> call(client(), post(false)));
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.sleeps().isEmpty());
    }

    @Test
    void theLastIOExceptionIsRethrownAfterMaxRetries() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        server.enqueue(ok());

        assertThrows(IOException.class, () -> call(client(), get()));
        assertEquals(3, sleeper.sleeps().size());
    }

    @Test
    void anUnknownHostIsNotRetried() {
        OkHttpClient client = client().newBuilder()
                .dns(hostname -> {
                    throw new java.net.UnknownHostException(hostname);
                })
                .build();
        Request request = new Request.Builder().url("http://tenant.invalid/users").build();

        assertThrows(java.net.UnknownHostException.class, () -> call(client, request));
        assertTrue(sleeper.sleeps().isEmpty());
    }

    private static MockResponse brokenMidBody(String body) {
        return new MockResponse.Builder().code(200).body(body)
                .onResponseBody(new SocketEffect.CloseSocket()).build();
    }

    @Test
    void aGetWhoseBodyBreaksOffIsRetriedAndTheCallerReadsTheWholeSecondBody() throws IOException {
        String body = "[" + "\"user\",".repeat(2000) + "\"last\"]";
        server.enqueue(brokenMidBody(body));
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());

        try (Response response = call(client(), get())) {
            assertEquals(body, response.body().string());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(notices.get(0).contains("GET /users after a broken 200 body"), notices.get(0));
    }

    @Test
    void aBodyThatBreaksOnEveryTryEndsAsBodyBrokeOffWithItsStatus() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(brokenMidBody("[" + "1,".repeat(5000) + "1]"));
        }
        BodyBrokeOffException e = assertThrows(BodyBrokeOffException.class, () -> call(client(), get()).close());
        assertEquals(200, e.status());
        assertEquals(4, server.getRequestCount(), "one try plus three retries");
        assertTrue(e.getMessage().startsWith("the HTTP 200 answer broke off before its end"), e.getMessage());
    }

    @Test
    void aPlainPostsBodyIsLeftToTheCallerAndNeverRetried() {
        server.enqueue(brokenMidBody("[" + "1,".repeat(5000) + "1]"));
        server.enqueue(ok());

        assertThrows(IOException.class, () -> {
            try (Response response = call(client(), post(false))) {
                assertEquals(200, response.code(), "the status arrives; only reading the body fails");
                response.body().string();
            }
        });
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.sleeps().isEmpty());
    }
}
