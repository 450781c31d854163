package dev.hankosync.supabase;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer standing in for Supabase, and a {@link PostgrestUserTable} pointed at it. */
abstract class PostgrestMockServerTest {

    static final String JWT_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJl";
    static final String SECRET_KEY = "sb_secret_0123456789abcdefghij";

    MockWebServer server;
    OkHttpClient http;
    final List<String> warnings = new ArrayList<>();
    final List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    PostgrestUserTable table(String key) {
        return table(new SupabaseTarget(server.url("/").toString(), key, null, null, null, null));
    }

    PostgrestUserTable table(SupabaseTarget target) {
        return new PostgrestUserTable(http, target, warnings::add, pauses::add);
    }

    void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(request != null, "expected a request");
        return request;
    }
}
