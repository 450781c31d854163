package dev.hankosync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.hanko.HankoAdminClient;
import dev.hankosync.hanko.HankoPage;
import dev.hankosync.hanko.HankoUser;
import dev.hankosync.http.ApiException;
import dev.hankosync.http.HttpClients;
import dev.hankosync.http.HttpSettings;
import dev.hankosync.http.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our Hanko client against the sandbox: the two halves agree on the wire. */
class HankoSandboxClientTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final OkHttpClient http = HttpClients.create(HttpSettings.defaults("test")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)), null, sleeper);
    private HankoSandbox hanko;

    @AfterEach
    void close() {
        hanko.close();
    }

    private static List<HankoUser> expected(List<HankoSandboxUser> users) {
        return users.stream().map(u -> new HankoUser(u.id(), u.expectedEmail())).toList();
    }

    @Test
    void theDemoWorldReadsBackAsTheSyncShouldMirrorIt() throws IOException {
        hanko = HankoSandbox.start("demo-key");
        List<HankoSandboxUser> demo = hanko.seedDemo();
        HankoAdminClient client = new HankoAdminClient(http, hanko.baseUrl(), "demo-key");

        HankoPage page = client.page(1, 100);

        assertEquals(9, page.totalCount());
        assertEquals(new HashSet<>(expected(demo)), new HashSet<>(page.users()));
        assertEquals(expected(demo.subList(0, 6)), page.users().subList(0, 6));
        assertTrue(page.users().contains(new HankoUser(demo.get(3).id(), null)));
    }

    @Test
    void findByIdsFindsEveryTiedUserThatPagingMayMiss() throws IOException {
        hanko = HankoSandbox.start();
        List<HankoSandboxUser> bulk = hanko.addUsersSharingCreatedAt(250, Instant.parse("2024-05-01T00:00:00Z"));
        HankoAdminClient client = new HankoAdminClient(http, hanko.baseUrl(), null);
        List<String> ids = new ArrayList<>(bulk.stream().map(HankoSandboxUser::id).toList());
        ids.add("not-a-uuid");
        hanko.deleteUser(ids.get(7));

        List<HankoUser> found = client.findByIds(ids);

        Set<HankoUser> want = new HashSet<>(expected(bulk));
        want.remove(new HankoUser(bulk.get(7).id(), bulk.get(7).expectedEmail()));
        assertEquals(want, new HashSet<>(found));
        assertEquals(249, found.size());
        assertEquals(3, hanko.requestCount("/users"), "three chunks and no 400 for the bad id");
    }

    @Test
    void transientFailuresAreRetriedWithTheServersRetryAfter() throws IOException {
        hanko = HankoSandbox.start();
        hanko.seedDemo();
        hanko.failEveryNthRequest(2, 503, "4");
        HankoAdminClient client = new HankoAdminClient(http, hanko.baseUrl(), null);

        assertEquals(5, client.page(1, 5).users().size());
        assertEquals(4, client.page(2, 5).users().size());
        assertEquals(List.of(Duration.ofSeconds(4)), sleeper.sleeps());
        assertEquals(3, hanko.requestCount());
    }

    @Test
    void aRejectedKeyBecomesAConfigurationMessage() throws IOException {
        hanko = HankoSandbox.start("right-key");
        HankoAdminClient client = new HankoAdminClient(http, hanko.baseUrl(), "wrong-key");

        ApiException e = assertThrows(ApiException.class, () -> client.page(1, 10));

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("check HANKO_API_KEY"), e.getMessage());
    }
}
