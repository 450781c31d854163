package dev.hankosync.hanko;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import dev.hankosync.http.HttpClients;
import dev.hankosync.http.HttpSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HankoAdminClientTest {

    private static final String KEY = "hk_live_S3CRET-api-key-0123456789";
    private static final String ALICE = "c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c";

    /** Retries on, waits off: a 5xx is retried at once, so tests enqueue one answer per try. */
    private static final OkHttpClient HTTP = HttpClients.create(
            HttpSettings.defaults("test").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                    Duration.ofSeconds(10)).withMaxRetries(2),
            null, duration -> { });

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private HankoAdminClient client(String key) {
        return new HankoAdminClient(HTTP, base("/admin/"), key);
    }

    private void enqueueJson(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private void enqueueUsers(String body, String totalCount) {
        MockResponse.Builder response = new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(body);
        if (totalCount != null) {
            response.addHeader("X-Total-Count", totalCount);
        }
        server.enqueue(response.build());
    }

    // ---- request shape ----

    @Test
    void pageAsksForOnePageInAscendingOrderWithTheKey() throws InterruptedException {
        enqueueUsers("[]", "0");

        HankoPage page = client(KEY).page(3, 50);

        assertEquals(List.of(), page.users());
        assertEquals(0, page.totalCount());
        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/admin/users", request.getUrl().encodedPath());
        assertEquals("3", request.getUrl().queryParameter("page"));
        assertEquals("50", request.getUrl().queryParameter("per_page"));
        assertEquals("asc", request.getUrl().queryParameter("sort_direction"));
        assertEquals(3, request.getUrl().querySize());
        assertEquals("Bearer " + KEY, request.getHeaders().get("Authorization"));
        assertEquals("application/json", request.getHeaders().get("Accept"));
        assertEquals("hanko-sync/test", request.getHeaders().get("User-Agent"));
    }

    @Test
    void noAuthorizationHeaderWithoutAKey() throws InterruptedException {
        enqueueUsers("[]", "0");
        enqueueUsers("[]", "0");

        client(null).page(1, 10);
        client("  ").page(1, 10);

        assertNull(server.takeRequest().getHeaders().get("Authorization"));
        assertNull(server.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void aSelfHostedBaseUrlWithoutPathWorks() throws InterruptedException {
        enqueueUsers("[]", "0");

        new HankoAdminClient(HTTP, base(""), null).page(1, 10);

        assertEquals("/users", server.takeRequest().getUrl().encodedPath());
    }

    @Test
    void nonsensePagesAndBadUrlsAreRejectedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> client(null).page(0, 10));
        assertThrows(IllegalArgumentException.class, () -> client(null).page(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new HankoAdminClient(HTTP, "tenant.hanko.io", null));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aKeyThatCannotBeAHeaderIsRejectedWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HankoAdminClient(HTTP, base("/admin"), "hk_live_a b\u00e4c"));
        assertTrue(e.getMessage().contains("HANKO_API_KEY"));
        assertFalse(e.getMessage().contains("hk_live"));
    }

    // ---- X-Total-Count ----

    @Test
    void totalCountIsReadAndMissingOrGarbageMeansUnknown() {
        enqueueUsers("[]", "1250");
        enqueueUsers("[]", null);
        enqueueUsers("[]", "lots");
        enqueueUsers("[]", "-3");

        assertEquals(1250, client(null).page(1, 10).totalCount());
        assertEquals(-1, client(null).page(1, 10).totalCount());
        assertEquals(-1, client(null).page(1, 10).totalCount());
        assertEquals(-1, client(null).page(1, 10).totalCount());
    }

    // ---- body ----

    @Test
    void eachUserGetsItsPrimaryElseFirstElseNoEmail() {
        enqueueUsers("""
                [
                 {"id":"c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c","created_at":"2024-03-01T09:00:00Z",
                  "webauthn_credentials":[{"id":"0a2xsrhl","transports":["usb"],"aaguid":"x","backup_state":true}],
                  "emails":[{"id":"e1","address":"carol@old-company.example","is_primary":false,"is_verified":true},
                            {"id":"e2","address":"carol@example.com","is_primary":true,"is_verified":true}]},
                 {"id":"8CBED467-554B-4D17-B23F-BCE1B4F1DB92","created_at":"2024-03-01T09:00:01Z",
                  "username":{"id":"u1","username":"john_doe_123"}},
                 {"id":"f9bebc04-b894-4018-bdb8-8b520a532fef","name":"Legacy",
                  "emails":[{"address":"first@example.com","is_primary":false},
                            {"address":"second@example.com","is_primary":false}]},
                 {"id":"802df042-1ac2-496d-af81-6ace729ed055","emails":[],"metadata":{"a":{"b":[1,{"c":null}]}}},
                 {"id":"28a7206b-e789-435a-b87c-108e034135c2","emails":null,"picture":"https://x/y.png"}
                ]
                """, "5");

        HankoPage page = client(null).page(1, 100);

        assertEquals(List.of(
                new HankoUser(ALICE, "carol@example.com"),
                new HankoUser("8cbed467-554b-4d17-b23f-bce1b4f1db92", null),
                new HankoUser("f9bebc04-b894-4018-bdb8-8b520a532fef", "first@example.com"),
                new HankoUser("802df042-1ac2-496d-af81-6ace729ed055", null),
                new HankoUser("28a7206b-e789-435a-b87c-108e034135c2", null)), page.users());
        assertEquals(5, page.totalCount());
    }

    @Test
    void aLargePageIsReadCompletely() {
        StringBuilder body = new StringBuilder("[");
        List<HankoUser> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String id = new UUID(0x1234L, i).toString();
            String address = "user" + i + "+tag@example.com";
            expected.add(new HankoUser(id, address));
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"emails\":[{\"address\":\"")
                    .append(address).append("\",\"is_primary\":true}]}");
        }
        enqueueUsers(body.append("]").toString(), "2000");

        assertEquals(expected, client(null).page(1, 2000).users());
    }

    // ---- findByIds ----

    @Test
    void findByIdsChunksTheIdsAndAsksForWholeChunks() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(new UUID(0xabcdL, i).toString());
        }
        List<String> asked = new ArrayList<>(ids);
        asked.add("not-a-uuid");
        asked.add(ids.get(0));                       // duplicate
        asked.add(ids.get(1).toUpperCase());         // same id, other case
        enqueueUsers("[{\"id\":\"" + ids.get(0) + "\",\"emails\":[{\"address\":\"a@example.com\",\"is_primary\":true}]},"
                + "{\"id\":\"" + UUID.randomUUID() + "\"}]", "2");
        enqueueUsers("[]", "0");
        enqueueUsers("[{\"id\":\"" + ids.get(249) + "\"}]", "1");

        List<HankoUser> found = client(KEY).findByIds(asked);

        assertEquals(List.of(new HankoUser(ids.get(0), "a@example.com"), new HankoUser(ids.get(249), null)), found,
                "an id nobody asked for is dropped");
        List<String> sent = new ArrayList<>();
        for (int expectedSize : new int[] {100, 100, 50}) {
            RecordedRequest request = server.takeRequest();
            assertEquals("/admin/users", request.getUrl().encodedPath());
            String[] chunk = request.getUrl().queryParameter("user_id").split(",");
            assertEquals(expectedSize, chunk.length);
            assertEquals(Integer.toString(expectedSize), request.getUrl().queryParameter("per_page"));
            assertEquals("1", request.getUrl().queryParameter("page"));
            assertEquals("asc", request.getUrl().queryParameter("sort_direction"));
            assertEquals("Bearer " + KEY, request.getHeaders().get("Authorization"));
            assertTrue(request.getUrl().toString().length() < 8000);
            sent.addAll(List.of(chunk));
        }
        assertEquals(ids, sent, "each valid id is sent once, in order, and the bad one never");
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void findByIdsWithoutValidIdsSendsNothing() {
        assertEquals(List.of(), client(null).findByIds(List.of()));
        assertEquals(List.of(), client(null).findByIds(List.of("abc", "", "1234")));
        assertEquals(0, server.getRequestCount());
    }

    // ---- errors ----

    private ApiException failure(Supplier<Object> call) {
        return assertThrows(ApiException.class, call::get);
    }

    @Test
    void a401SaysTheKeyWasRejected() {
        enqueueJson(401, "{\"code\":401,\"message\":\"Unauthorized\"}");

        ApiException e = failure(() -> client(KEY).page(1, 10));

        assertEquals("Hanko", e.api());
        assertEquals(401, e.status());
        assertEquals("401", e.code());
        assertTrue(e.getMessage().contains("Hanko rejected the API key"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /admin/users"), e.getMessage());
        assertTrue(e.getMessage().contains("Unauthorized"), e.getMessage());
        assertTrue(e.getMessage().contains("check HANKO_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("page="), "no query in messages");
    }

    @Test
    void a401WithoutAKeySaysOneIsNeeded() {
        enqueueJson(401, "{\"code\":401,\"message\":\"Unauthorized\"}");

        ApiException e = failure(() -> client(null).page(1, 10));

        assertTrue(e.getMessage().contains("requires an API key"), e.getMessage());
        assertTrue(e.getMessage().contains("set HANKO_API_KEY"), e.getMessage());
    }

    @Test
    void a403IsAlsoAKeyProblem() {
        server.enqueue(new MockResponse.Builder().code(403).body("Forbidden").build());

        ApiException e = failure(() -> client(KEY).page(1, 10));

        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("rejected the API key"), e.getMessage());
    }

    @Test
    void a404HintsAtTheAdminUrl() {
        enqueueJson(404, "{\"code\":404,\"message\":\"Not Found\"}");

        ApiException e = failure(() -> client(null).page(1, 10));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertTrue(e.getMessage().contains("admin URL may be wrong"), e.getMessage());
        assertTrue(e.getMessage().contains("ends in /admin"), e.getMessage());
        assertTrue(e.getMessage().contains("http://host:8001"), e.getMessage());
    }

    @Test
    void anHtmlErrorPageIsDescribedByItsTitleAfterTheRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                    .body("<!DOCTYPE html><html><head><title>tenant.hanko.io | 502: Bad gateway</title></head>"
                            + "<body><div class=\"cf\">\n\n<h1>Bad gateway</h1></div></body></html>").build());
        }

        ApiException e = failure(() -> client(null).page(1, 10));

        assertEquals(3, server.getRequestCount(), "one try and two retries");
        assertEquals(502, e.status());
        assertEquals("Hanko answered 502 to GET /admin/users: tenant.hanko.io | 502: Bad gateway", e.getMessage());
    }

    @Test
    void aPlainTextErrorIsOneLine() {
        server.enqueue(new MockResponse.Builder().code(414).body("URI too long\n").build());

        ApiException e = failure(() -> client(null).findByIds(List.of(ALICE)));

        assertEquals("Hanko answered 414 to GET /admin/users: URI too long", e.getMessage());
    }

    @Test
    void truncatedJsonIsDiagnosedInOneLine() {
        enqueueUsers("[{\"id\":\"" + ALICE + "\",\"emails\":[{\"address\":\"a@exa", "1");

        ApiException e = failure(() -> client(null).page(1, 10));

        assertTrue(e.getMessage().startsWith("Hanko sent a malformed answer to GET /admin/users: "), e.getMessage());
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
        assertOneLineWithoutJacksonNoise(e);
    }

    @Test
    void anObjectInsteadOfAnArrayIsDiagnosed() {
        enqueueUsers("{\"users\":[],\"total\":0}", null);

        ApiException e = failure(() -> client(null).page(1, 10));

        assertTrue(e.getMessage().contains("a JSON object instead of the JSON array of users"), e.getMessage());
        assertOneLineWithoutJacksonNoise(e);
    }

    @Test
    void htmlWithStatus200IsNotJson() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><body>Welcome to the Hanko app</body></html>").build());

        ApiException e = failure(() -> client(null).page(1, 10));

        assertTrue(e.getMessage().contains("(Content-Type text/html; charset=utf-8)"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON at line 1, column"), e.getMessage());
        assertOneLineWithoutJacksonNoise(e);
    }

    @Test
    void aUserWithoutIdIsDiagnosed() {
        enqueueUsers("[{\"id\":\"" + ALICE + "\"},{\"emails\":[]}]", "2");

        ApiException e = failure(() -> client(null).page(1, 10));

        assertTrue(e.getMessage().endsWith("user 2 has no id"), e.getMessage());
    }

    @Test
    void anIdThatIsNotAUuidIsDiagnosed() {
        enqueueUsers("[{\"id\":\"42\"}]", "1");
        enqueueUsers("[{\"id\":42}]", "1");

        ApiException text = failure(() -> client(null).page(1, 10));
        ApiException number = failure(() -> client(null).page(1, 10));

        assertTrue(text.getMessage().endsWith("user 1 has an id that is not a UUID: \"42\""), text.getMessage());
        assertTrue(number.getMessage().endsWith("user 1 has an id that is a number, not a UUID string"),
                number.getMessage());
    }

    @Test
    void anUnreachableServerIsNamedByHost() throws IOException {
        int port;
        try (MockWebServer closed = new MockWebServer()) {
            closed.start(InetAddress.getByName("127.0.0.1"), 0);
            port = closed.getPort();
        }

        ApiException e = failure(() -> new HankoAdminClient(HTTP, "http://127.0.0.1:" + port + "/admin", KEY)
                .page(1, 10));

        assertEquals(-1, e.status());
        assertTrue(e.getMessage().startsWith("Hanko unreachable at 127.0.0.1:" + port + " (GET /admin/users): "),
                e.getMessage());
        assertFalse(e.getMessage().contains("per_page"), "the query stays out: " + e.getMessage());
        assertTrue(e.getCause() instanceof IOException);
    }

    @Test
    void theKeyNeverAppearsInAnyMessage() {
        List<ApiException> failures = new ArrayList<>();
        enqueueJson(401, "{\"code\":401,\"message\":\"invalid token " + KEY + "\"}");
        failures.add(failure(() -> client(KEY).page(1, 10)));
        server.enqueue(new MockResponse.Builder().code(404).body("no route for Bearer " + KEY).build());
        failures.add(failure(() -> client(KEY).page(1, 10)));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("<title>" + KEY + "</title>").build());
        }
        failures.add(failure(() -> client(KEY).page(1, 10)));
        enqueueUsers("[{\"id\":\"" + KEY + "\"}]", "1");
        failures.add(failure(() -> client(KEY).page(1, 10)));
        enqueueUsers("{\"" + KEY + "\":1}", "1");
        failures.add(failure(() -> client(KEY).page(1, 10)));
        failures.add(failure(() -> new HankoAdminClient(HTTP, "http://127.0.0.1:1/admin", KEY).page(1, 10)));

        for (ApiException e : failures) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String text = String.valueOf(t.getMessage());
                assertFalse(text.contains(KEY) || text.contains("S3CRET"), text);
            }
        }
    }

    private static void assertOneLineWithoutJacksonNoise(ApiException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("jackson"), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
}
