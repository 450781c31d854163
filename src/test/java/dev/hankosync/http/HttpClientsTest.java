package dev.hankosync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    private static final HttpSettings SETTINGS = HttpSettings.defaults("9.9.9")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getPort() + pathAndQuery;
    }

    @Test
    void settingsDefaultsAreTheDocumentedOnes() {
        HttpSettings defaults = HttpSettings.defaults("1.2.3");
        assertEquals(5, defaults.maxRetries());
        assertEquals(Duration.ofMillis(500), defaults.baseBackoff());
        assertEquals(Duration.ofSeconds(30), defaults.maxBackoff());
        assertEquals("hanko-sync/1.2.3", defaults.userAgent());
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxRetries(-1));
    }

    @Test
    void everyRequestCarriesTheUserAgentAndTheTimeoutsAreApplied() throws Exception {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = HttpClients.create(SETTINGS);

        try (Response response = client.newCall(new Request.Builder().url(url("/x")).build()).execute()) {
            assertEquals(200, response.code());
        }
        RecordedRequest request = server.takeRequest();
        assertEquals("hanko-sync/9.9.9", request.getHeaders().get("User-Agent"));
        assertEquals(2000, client.connectTimeoutMillis());
        assertEquals(2000, client.readTimeoutMillis());
        assertEquals(10000, client.callTimeoutMillis());
        assertFalse(client.retryOnConnectionFailure());
    }

    @Test
    void theClientRetriesThroughItsInterceptorWithoutRealSleeping() throws IOException {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = HttpClients.create(SETTINGS, null, sleeper);

        try (Response response = client.newCall(new Request.Builder().url(url("/x")).build()).execute()) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps());
    }

    @Test
    void aPostIsNotResentByOkHttpAfterTheConnectionBroke() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = HttpClients.create(SETTINGS, null, sleeper);
        Request post = new Request.Builder().url(url("/rows"))
                .post(RequestBody.create("[{}]", MediaType.get("application/json"))).build();

        assertThrows(IOException.class, () -> client.newCall(post).execute().close());
        assertEquals(1, server.getRequestCount(), "the insert may have been applied; sending it again could duplicate it");
    }

    @Test
    void theRequestLogShowsEachTryWithoutQueryOrHeaderValues() throws IOException {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().body("[]").build());
        OkHttpClient client = HttpClients.create(SETTINGS, log::add, sleeper);
        Request request = new Request.Builder().url(url("/admin/users?email=alice%40example.com"))
                .header("Authorization", "Bearer sekrit-key").build();

        try (Response response = client.newCall(request).execute()) {
            assertEquals(200, response.code());
        }
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(0).matches("GET /admin/users -> 503 \\(\\d+ ms\\)"), log.get(0));
        assertTrue(log.get(1).startsWith("retrying GET /admin/users after status 503"), log.get(1));
        assertTrue(log.get(2).matches("GET /admin/users -> 200 \\(\\d+ ms\\)"), log.get(2));
        for (String line : log) {
            assertFalse(line.contains("sekrit") || line.contains("alice") || line.contains("email="), line);
        }
    }

    @Test
    void theRequestLogReportsAFailedTryByExceptionClassOnly() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        OkHttpClient client = HttpClients.create(SETTINGS.withMaxRetries(0), log::add, sleeper);

        assertThrows(IOException.class,
                () -> client.newCall(new Request.Builder().url(url("/users?user_id=1")).build()).execute());
        assertEquals(1, log.size());
        assertTrue(log.get(0).matches("GET /users -> failed: \\w+ \\(\\d+ ms\\)"), log.get(0));
    }
}
