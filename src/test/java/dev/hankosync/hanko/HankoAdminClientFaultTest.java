package dev.hankosync.hanko;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers that break off, pages that are too long, and counts that are missing, through the real HTTP stack. */
class HankoAdminClientFaultTest {

    private static final String KEY = "hk_live_S3CRET-api-key-0123456789";

    /** Two retries, no waiting. */
    private static final OkHttpClient HTTP = HttpClients.create(
            HttpSettings.defaults("test").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                    Duration.ofSeconds(10)).withMaxRetries(2),
            null, duration -> { });

    private final MockWebServer server = new MockWebServer();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HankoAdminClient client() {
        return new HankoAdminClient(HTTP, "http://127.0.0.1:" + server.getPort() + "/admin", KEY, warnings::add);
    }

    private static String users(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"emails\":[{\"address\":\"u").append(i).append("@example.com\",\"is_primary\":true}]}");
        }
        return json.append(']').toString();
    }

    private static MockResponse page(String body, String totalCount) {
        MockResponse.Builder response = new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(body);
        if (totalCount != null) {
            response.addHeader("X-Total-Count", totalCount);
        }
        return response.build();
    }

    private static MockResponse brokenMidBody(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").addHeader("X-Total-Count", "40")
                .body(body).onResponseBody(new SocketEffect.CloseSocket()).build();
    }

    @Test
    void aPageWhoseConnectionBreaksMidBodyIsFetchedAgain() {
        String body = users(40);
        server.enqueue(brokenMidBody(body));
        server.enqueue(page(body, "40"));

        HankoPage page = client().page(1, 40);

        assertEquals(40, page.users().size());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aPageThatBreaksOnEveryTryNamesTheCallAndTheStatus() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(brokenMidBody(users(40)));
        }

        ApiException e = assertThrows(ApiException.class, () -> client().page(1, 40));

        assertEquals(3, server.getRequestCount(), "one try and two retries");
        assertEquals(200, e.status());
        assertTrue(e.getMessage().startsWith("Hanko's HTTP 200 answer to GET /admin/users broke off before its end: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("per_page"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aPageLongerThanAskedForIsRefused() {
        server.enqueue(page(users(3), "3"));

        ApiException e = assertThrows(ApiException.class, () -> client().page(1, 2));

        assertEquals("Hanko sent a malformed answer to GET /admin/users: 3 users for a page of 2 (the server ignores"
                + " per_page; is the URL Hanko's admin API?)", e.getMessage());
    }

    @Test
    void aLookupAnsweredWithMoreUsersThanIdsIsRefused() {
        server.enqueue(page(users(5), "5"));

        ApiException e = assertThrows(ApiException.class,
                () -> client().findByIds(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())));

        assertTrue(e.getMessage().contains("5 users for a page of 2"), e.getMessage());
    }

    @Test
    void unknownFieldsAreIgnored() {
        server.enqueue(page("[{\"id\":\"c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c\",\"new_field\":{\"deep\":[1,{\"x\":null}]},"
                + "\"emails\":[{\"address\":\"a@x.com\",\"is_primary\":true,\"labels\":[\"work\"]}],\"tier\":\"gold\"}]",
                "1"));

        HankoPage page = client().page(1, 10);

        assertEquals(List.of(new HankoUser("c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c", "a@x.com")), page.users());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aMissingOrUnreadableTotalCountIsWarnedAboutOnce() {
        server.enqueue(page(users(2), null));
        server.enqueue(page(users(2), "many"));
        server.enqueue(page(users(2), "-3"));
        HankoAdminClient client = client();

        assertEquals(-1, client.page(1, 10).totalCount());
        assertEquals(-1, client.page(1, 10).totalCount());
        assertEquals(-1, client.page(1, 10).totalCount());

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Hanko sent no X-Total-Count header with GET /admin/users;"),
                warnings.get(0));
    }

    @Test
    void aTotalCountThatIsNoNumberIsQuotedWithoutTheKey() {
        server.enqueue(page(users(1), "Bearer " + KEY));

        client().page(1, 10);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Hanko sent an X-Total-Count that is not a count (\"Bearer [REDACTED]"),
                warnings.get(0));
        assertFalse(warnings.get(0).contains("S3CRET"), warnings.get(0));
    }
}
