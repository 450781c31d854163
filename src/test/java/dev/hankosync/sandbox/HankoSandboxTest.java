package dev.hankosync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox over raw HTTP, without our client, so what it sends is what is asserted. */
class HankoSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    private HankoSandbox hanko;

    @AfterEach
    void close() {
        if (hanko != null) {
            hanko.close();
        }
    }

    /** One answer, read completely. */
    private record Answer(int status, JsonNode body, String totalCount, String link, String retryAfter) {}

    private Answer get(String pathAndQuery) throws IOException {
        return get(pathAndQuery, null);
    }

    private Answer get(String pathAndQuery, String authorization) throws IOException {
        Request.Builder request = new Request.Builder().url(hanko.baseUrl() + pathAndQuery);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            return new Answer(response.code(), JSON.readTree(response.body().string()),
                    response.header("X-Total-Count"), response.header("Link"), response.header("Retry-After"));
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(user -> ids.add(user.get("id").asText()));
        return ids;
    }

    private static List<String> ids(List<HankoSandboxUser> users) {
        return users.stream().map(HankoSandboxUser::id).toList();
    }

    private String host() {
        return hanko.baseUrl();
    }

    // ---- paging, order, headers ----

    @Test
    void pagesAreCutByOffsetInCreationOrderWithCountAndLink() throws IOException {
        hanko = HankoSandbox.start();
        List<HankoSandboxUser> users = new ArrayList<>();
        for (char c = 'a'; c <= 'e'; c++) {
            users.add(hanko.addUser(c + "@example.com"));
        }

        Answer answer = get("/users?page=2&per_page=2&sort_direction=asc");

        assertEquals(200, answer.status());
        assertEquals(ids(users.subList(2, 4)), ids(answer.body()));
        assertEquals("5", answer.totalCount());
        String q = host() + "/users?page=%d&per_page=2&sort_direction=asc";
        assertEquals("<" + q.formatted(1) + ">; rel=\"first\",<" + q.formatted(3) + ">; rel=\"last\","
                + "<" + q.formatted(3) + ">; rel=\"next\",<" + q.formatted(1) + ">; rel=\"prev\"", answer.link());
    }

    @Test
    void theDefaultsAreNewestFirstAndTwentyPerPage() throws IOException {
        hanko = HankoSandbox.start();
        List<HankoSandboxUser> users = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            users.add(hanko.addUser("u" + i + "@example.com"));
        }

        Answer answer = get("/users");

        assertEquals(20, answer.body().size());
        assertEquals(users.get(24).id(), answer.body().get(0).get("id").asText());
        assertEquals("25", answer.totalCount());
    }

    @Test
    void linkHeadersMatchHankosOwnTestExamples() throws IOException {
        hanko = HankoSandbox.start();
        assertEquals("<" + host() + "/users?page=1&per_page=20>; rel=\"first\"", get("/users").link());

        for (int i = 0; i < 4; i++) {
            hanko.addUser("u" + i + "@example.com");
        }
        assertEquals("<" + host() + "/users?page=4&per_page=1>; rel=\"last\",<" + host()
                + "/users?page=2&per_page=1>; rel=\"next\"", get("/users?page=1&per_page=1").link());
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithFirstLastAndPrev() throws IOException {
        hanko = HankoSandbox.start();
        for (int i = 0; i < 4; i++) {
            hanko.addUser("u" + i + "@example.com");
        }

        Answer answer = get("/users?page=10&per_page=2");

        assertEquals(200, answer.status());
        assertEquals(0, answer.body().size());
        assertEquals("4", answer.totalCount());
        assertEquals("<" + host() + "/users?page=1&per_page=2>; rel=\"first\",<" + host()
                + "/users?page=2&per_page=2>; rel=\"last\",<" + host()
                + "/users?page=9&per_page=2>; rel=\"prev\"", answer.link());
    }

    @Test
    void linkKeepsOtherParamsSortedAndGoEncoded() throws IOException {
        hanko = HankoSandbox.start();
        hanko.addUser("dave+news@example.com");

        Answer answer = get("/users?sort_direction=asc&email=dave%2Bnews%40&per_page=5");

        assertEquals(1, answer.body().size());
        assertEquals("<" + host() + "/users?email=dave%2Bnews%40&page=1&per_page=5&sort_direction=asc>; rel=\"first\"",
                answer.link());
    }

    @Test
    void usersSharingACreatedAtComeBackInVaryingOrder() throws IOException {
        hanko = HankoSandbox.start();
        HankoSandboxUser before = hanko.addUserCreatedAt(Instant.parse("2024-01-01T00:00:00Z"), "first@example.com");
        List<HankoSandboxUser> bulk = hanko.addUsersSharingCreatedAt(30, Instant.parse("2024-02-01T00:00:00Z"));
        HankoSandboxUser after = hanko.addUser("last@example.com");

        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            List<String> ids = ids(get("/users?per_page=100&sort_direction=asc").body());
            assertEquals(32, ids.size());
            assertEquals(before.id(), ids.get(0), "created_at still orders the users");
            assertEquals(after.id(), ids.get(31));
            assertEquals(new HashSet<>(ids(bulk)), new HashSet<>(ids.subList(1, 31)));
            orders.add(ids);
        }
        assertTrue(orders.size() > 1, "ties must not come back in one fixed order");
    }

    // ---- shape ----

    @Test
    void usersHaveTheAdminDtoShape() throws IOException {
        hanko = HankoSandbox.start();
        List<HankoSandboxUser> demo = hanko.seedDemo();

        JsonNode body = get("/users?per_page=100&sort_direction=asc").body();

        assertEquals(ids(demo.subList(0, 6)), ids(body).subList(0, 6));
        JsonNode alice = body.get(0);
        assertEquals("c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c", alice.get("id").asText());
        assertEquals("2024-03-01T09:00:00Z", alice.get("created_at").asText());
        assertTrue(alice.has("updated_at"));
        assertFalse(alice.has("username"));
        JsonNode email = alice.get("emails").get(0);
        assertEquals("alice@example.com", email.get("address").asText());
        assertTrue(email.get("is_primary").asBoolean());
        assertTrue(email.get("is_verified").asBoolean());
        assertTrue(email.has("id") && email.has("created_at") && email.has("updated_at"));

        JsonNode carol = body.get(2);
        assertFalse(carol.get("emails").get(0).get("is_primary").asBoolean(), "the primary is not first");
        assertEquals("carol@example.com", carol.get("emails").get(1).get("address").asText());
        assertTrue(carol.get("emails").get(1).get("is_primary").asBoolean());

        JsonNode john = body.get(3);
        assertFalse(john.has("emails"), "no emails key for a username-only user");
        assertEquals("john_doe_123", john.get("username").get("username").asText());
        assertEquals("dave+newsletter@example.com", body.get(4).get("emails").get(0).get("address").asText());
    }

    @Test
    void theDemoWorldHoldsEachCaseTheSyncMustHandle() {
        hanko = null;
        List<HankoSandboxUser> demo = HankoSandboxSeed.demoUsers();
        assertEquals(9, demo.size());
        assertEquals("carol@example.com", demo.get(2).expectedEmail());
        assertNull(demo.get(3).expectedEmail());
        assertTrue(demo.stream().anyMatch(u -> u.expectedEmail() != null && u.expectedEmail().contains("+")));
        assertEquals(1, demo.stream().map(HankoSandboxUser::createdAt).filter(t -> demo.stream()
                .filter(u -> u.createdAt().equals(t)).count() == 3).distinct().count(), "one bulk import of three");
        assertEquals(ids(demo), ids(HankoSandboxSeed.demoUsers()), "ids are fixed");
    }

    @Test
    void usersWithoutEmailOrUsernameAreNeitherListedNorCounted() throws IOException {
        hanko = HankoSandbox.start();
        hanko.addUser("a@example.com");
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        hanko.addUser(new HankoSandboxUser("0b7e2c0f-27c6-4a7e-9f0a-3d1c4a8f6e21", t, t, List.of(), null));

        Answer answer = get("/users");

        assertEquals(1, answer.body().size());
        assertEquals("1", answer.totalCount());
        assertEquals(2, hanko.users().size());
        assertEquals(1, hanko.listedUsers().size());
    }

    // ---- filters ----

    @Test
    void userIdListsReturnExactlyThoseUsers() throws IOException {
        hanko = HankoSandbox.start();
        List<HankoSandboxUser> demo = hanko.seedDemo();
        String a = demo.get(1).id();
        String b = demo.get(4).id().toUpperCase();

        Answer answer = get("/users?user_id=" + a + "," + b + "&sort_direction=asc");

        assertEquals(List.of(a, demo.get(4).id()), ids(answer.body()));
        assertEquals("2", answer.totalCount());
        assertEquals(0, get("/users?user_id=" + java.util.UUID.randomUUID()).body().size());
    }

    @Test
    void emailFilterIsACaseInsensitiveSubstring() throws IOException {
        hanko = HankoSandbox.start();
        hanko.seedDemo();

        assertEquals(3, get("/users?email=EXAMPLE.NET").body().size());
        assertEquals(1, get("/users?email=carol%40old").body().size());
        assertEquals(2, get("/users?email=example.org&username=john").body().size(), "email and username are OR-ed");
    }

    // ---- 400, 401, 404, 405 ----

    @Test
    void badParametersGetHankosErrorBody() throws IOException {
        hanko = HankoSandbox.start();

        Answer perPage = get("/users?per_page=abc");
        assertEquals(400, perPage.status());
        assertEquals(400, perPage.body().get("code").asInt());
        assertTrue(perPage.body().get("message").asText().contains("abc"));

        assertEquals(400, get("/users?page=1.5").status());
        assertError(get("/users?sort_direction=up"), 400, "sort_direction must be desc or asc");
        assertError(get("/users?user_id=nope"), 400, "failed to parse user_id as uuid");
        assertError(get("/users?user_id=c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c,"), 400, "failed to parse user_id as uuid");
        assertEquals(200, get("/users?per_page=&page=").status(), "empty values mean defaults");
    }

    @Test
    void anApiKeyIsRequiredWhenConfigured() throws IOException {
        hanko = HankoSandbox.start("sandbox-key");
        hanko.addUser("a@example.com");

        assertError(get("/users"), 401, "Unauthorized");
        assertError(get("/users", "Bearer wrong"), 401, "Unauthorized");
        assertError(get("/users", "sandbox-key"), 401, "Unauthorized");
        assertEquals(1, get("/users", "Bearer sandbox-key").body().size());

        hanko.setApiKey(null);
        assertEquals(200, get("/users").status());
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws IOException {
        hanko = HankoSandbox.start();

        assertError(get("/admin/users"), 404, "Not Found");
        Request post = new Request.Builder().url(hanko.baseUrl() + "/users")
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(post).execute()) {
            assertEquals(405, response.code());
        }
    }

    // ---- users changing ----

    @Test
    void usersCanBeDeletedAndTheirPrimaryChanged() throws IOException {
        hanko = HankoSandbox.start();
        HankoSandboxUser a = hanko.addUser("a@example.com", "a2@example.com");
        HankoSandboxUser b = hanko.addUser("b@example.com");

        hanko.changePrimaryEmail(a.id(), "a2@example.com");
        hanko.changePrimaryEmail(b.id(), "B-New@Example.com");
        assertTrue(hanko.deleteUser(a.id().toUpperCase()));
        assertFalse(hanko.deleteUser(a.id()));

        JsonNode body = get("/users").body();
        assertEquals(List.of(b.id()), ids(body));
        assertEquals("b-new@example.com", hanko.user(b.id()).orElseThrow().expectedEmail());
        assertEquals(2, body.get(0).get("emails").size());
        assertThrows(IllegalArgumentException.class, () -> hanko.addUser("b@example.com"),
                "addresses are unique per tenant");
        assertThrows(IllegalArgumentException.class, () -> hanko.changePrimaryEmail(a.id(), "x@example.com"));
    }

    // ---- fault knobs ----

    @Test
    void everyNthRequestFailsWithRetryAfter() throws IOException {
        hanko = HankoSandbox.start();
        get("/users");                                   // before the knob: does not count towards it
        hanko.failEveryNthRequest(2, 503, "3");

        assertEquals(200, get("/users").status());
        Answer failed = get("/users");
        assertError(failed, 503, "Service Unavailable");
        assertEquals("3", failed.retryAfter());
        assertEquals(200, get("/users").status());
        assertEquals(503, get("/users").status());

        hanko.clearFailures();
        assertEquals(200, get("/users").status());
        assertEquals(200, get("/users").status());
    }

    @Test
    void requestsAreCountedInTotalAndPerPath() throws IOException {
        hanko = HankoSandbox.start("k");
        get("/users?page=1");
        get("/users?page=2");
        get("/nothing");

        assertEquals(3, hanko.requestCount());
        assertEquals(2, hanko.requestCount("/users"));
        assertEquals(1, hanko.requestCount("/nothing"));
        assertEquals(0, hanko.requestCount("/other"));
        assertEquals(List.of("GET /users?page=1", "GET /users?page=2", "GET /nothing"), hanko.requests());
    }

    @Test
    void latencyDelaysEachAnswer() throws IOException {
        hanko = HankoSandbox.start();
        hanko.setLatency(Duration.ofMillis(150));

        long start = System.nanoTime();
        get("/users");
        assertTrue(System.nanoTime() - start >= 150_000_000L);

        hanko.setLatency(Duration.ZERO);
        start = System.nanoTime();
        get("/users");
        assertTrue(System.nanoTime() - start < 150_000_000L);
    }

    @Test
    void aHookRunsOnceAfterTheKthListAnswerBeforeTheNextRequest() throws IOException {
        hanko = HankoSandbox.start();
        List<HankoSandboxUser> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(hanko.addUser("u" + i + "@example.com"));
        }
        hanko.afterListRequest(2, () -> hanko.deleteUser(users.get(0).id()));

        assertEquals(ids(users.subList(0, 2)), ids(get("/users?page=1&per_page=2&sort_direction=asc").body()));
        assertEquals(ids(users.subList(2, 4)), ids(get("/users?page=2&per_page=2&sort_direction=asc").body()));
        // the delete shifted everything one place earlier: u4 is skipped, as it would be on the real service
        assertEquals(ids(users.subList(5, 6)), ids(get("/users?page=3&per_page=2&sort_direction=asc").body()));
        hanko.addUser("late@example.com");
        assertEquals(6, get("/users").body().size(), "the hook ran only once");
    }

    private static void assertError(Answer answer, int status, String message) {
        assertEquals(status, answer.status());
        assertEquals(status, answer.body().get("code").asInt());
        assertEquals(message, answer.body().get("message").asText());
    }
}
