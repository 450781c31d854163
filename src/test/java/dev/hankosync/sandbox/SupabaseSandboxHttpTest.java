package dev.hankosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One Supabase sandbox per test class, spoken to over raw HTTP with the secret key unless a test says otherwise. */
abstract class SupabaseSandboxHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static SupabaseSandbox sandbox;
    static OkHttpClient http;

    /** An answer of the sandbox. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SupabaseSandbox.start();
        // OkHttp would otherwise repeat a request whose connection dropped, and the counts would be off.
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).retryOnConnectionFailure(false).build();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.truncate();
        sandbox.faults().clear();
        sandbox.faults().resetCounters();
        sandbox.setMaxRows(SupabaseSandbox.DEFAULT_MAX_ROWS);
    }

    /** {@code headers} are name, value pairs; a null value removes the header (e.g. the default apikey). */
    static Answer call(String method, String pathAndQuery, String body, String... headers) throws IOException {
        Request.Builder request = new Request.Builder().url(sandbox.url() + pathAndQuery)
                .header("apikey", sandbox.keys().secretKey());
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                request.removeHeader(headers[i]);
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        request.method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
        try (Response response = http.newCall(request.build()).execute()) {
            Map<String, List<String>> names = new HashMap<>();
            response.headers().names().forEach(name -> names.put(name.toLowerCase(), response.headers(name)));
            return new Answer(response.code(), names, response.body().string());
        }
    }
}
