package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that are not what the APIs send: error pages from CDNs and proxies, JSON that is cut off or shaped wrong,
 * users without usable ids, pages longer than asked for, missing or nonsensical counts, PostgREST errors without a
 * code, and a table or column that does not exist. Each ends in the documented exit code with a one-line
 * diagnosis on stderr and in the report, no stack trace, and no write the report does not list.
 */
class BadAnswersEndToEndTest extends SandboxEndToEnd {

    HankoSandbox hanko;
    FaultWorld world;

    @BeforeEach
    void seed() throws Exception {
        supabase.faults().clear();
        supabase.truncate();
        hanko = HankoSandbox.start();
        world = FaultWorld.seed(hanko, supabase);
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
        supabase.faults().clear();
    }

    /** A fault-suite run ({@link FaultWorld#args}), flags in {@code more} replacing its defaults. */
    private CliRun run(String... more) {
        return FaultWorld.sync(hanko, supabase, FaultWorld.args(more));
    }

    /** Exit 1, the reason in one line in the report and on stderr, no stack trace, the table consistent. */
    private String assertStoppedWithOneLine(CliRun run) {
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.err());
        JsonNode report = json(run);
        String reason = report.path("stopped_by").asText();
        assertFalse(reason.isBlank(), report.toString());
        assertFalse(reason.contains("\n") || reason.contains("\r"), reason);
        assertTrue(reason.length() < 400, reason);
        assertTrue(run.err().contains("hanko-sync: stopped: " + reason), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, false, Set.of());
        return reason;
    }

    // ---- Hanko ----

    @Test
    void aCdnErrorPageIsNamedByItsTitle() {
        hanko.answerEveryNthRequest(1, 520, FaultInjectionEndToEndTest.CDN_520_PAGE);
        String reason = assertStoppedWithOneLine(run("--max-retries", "1"));
        assertEquals("Hanko answered 520 to GET /users: example.com | 520: Web server is returning an unknown error",
                reason);
        assertEquals(2, hanko.requestCount(), "520 is retried");
    }

    @Test
    void aGatewaysPlainTextIsQuotedOnOneLine() {
        hanko.answerEveryNthRequest(1, 414, "URI too long\n");
        assertEquals("Hanko answered 414 to GET /users: URI too long", assertStoppedWithOneLine(run()));
        assertEquals(1, hanko.requestCount(), "414 is not retried");
    }

    @Test
    void truncatedJsonIsSaidToBeCutOff() {
        hanko.answerEveryNthRequest(1, 200, "[{\"id\":\"" + world.users().get(0).id() + "\",\"emails\":[{\"addr");
        String reason = assertStoppedWithOneLine(run());
        assertTrue(reason.startsWith("Hanko sent a malformed answer to GET /users: the JSON ends early"), reason);
    }

    @Test
    void anObjectInsteadOfTheArrayIsNamed() {
        hanko.answerEveryNthRequest(1, 200, "{\"users\":[],\"total\":0}");
        String reason = assertStoppedWithOneLine(run());
        assertTrue(reason.endsWith("a JSON object instead of the JSON array of users the admin API returns"
                + " (is the URL Hanko's admin API?)"), reason);
    }

    @Test
    void aWebPageWithStatus200IsNotTakenForUsers() {
        hanko.answerEveryNthRequest(1, 200, "<!doctype html><html><body>Sign in</body></html>");
        String reason = assertStoppedWithOneLine(run());
        assertTrue(reason.startsWith("Hanko sent a malformed answer to GET /users (Content-Type text/html"), reason);
    }

    @Test
    void aUserWithoutIdOrWithAnIdThatIsNoUuidIsNamed() {
        hanko.answerEveryNthRequest(1, 200, "[{\"emails\":[]}]");
        assertTrue(assertStoppedWithOneLine(run()).endsWith("user 1 has no id"));
        hanko.clearFailures();
        hanko.answerEveryNthRequest(1, 200, "[{\"id\":\"" + world.users().get(0).id() + "\"},{\"id\":\"admin\"}]");
        assertTrue(assertStoppedWithOneLine(run()).endsWith("user 2 has an id that is not a UUID: \"admin\""));
    }

    @Test
    void aPageLongerThanAskedForIsRefused() {
        StringBuilder eight = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            eight.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\"}");
        }
        hanko.answerEveryNthRequest(1, 200, eight.append(']').toString());
        String reason = assertStoppedWithOneLine(run());
        assertTrue(reason.endsWith("8 users for a page of 7 (the server ignores per_page; is the URL Hanko's admin"
                + " API?)"), reason);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String id = world.users().get(2).id();
        hanko.answerEveryNthRequest(1, 200, "[{\"id\":\"" + id + "\",\"created_at\":\"2025-03-01T00:00:02Z\","
                + "\"tenant\":{\"plan\":\"pro\"},\"emails\":[{\"address\":\"user2@example.com\",\"is_primary\":true,"
                + "\"labels\":[\"work\"]}],\"future_field\":[1,2,{\"x\":null}]}]");
        CliRun run = FaultWorld.sync(hanko, supabase, "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(List.of("user2@example.com"), SandboxWorld.table(supabase).get(id));
    }

    @Test
    void aMissingTotalCountIsWarnedAboutAndTheScanConfirmsItselfByWalkingTwice() {
        hanko.replaceTotalCount(null);
        CliRun run = run();
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("hanko-sync: warning: Hanko sent no X-Total-Count header with GET /users"),
                run.err());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), json(run), true, Set.of());
    }

    @Test
    void aTotalCountThatIsNoNumberIsQuotedInTheWarning() {
        hanko.replaceTotalCount("about 40");
        CliRun run = run();
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("Hanko sent an X-Total-Count that is not a count (\"about 40\")"), run.err());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), json(run), true, Set.of());
    }

    // ---- Supabase ----

    @Test
    void aTruncatedTablePageIsNamedWithTheCall() {
        supabase.faults().failEvery("GET", 1, 200, null, "[{\"id\":1,\"user_id\":\"a\",\"ema");
        String reason = assertStoppedWithOneLine(run());
        assertTrue(reason.startsWith("Supabase GET /rest/v1/users answered HTTP 200 with a body that is not the"
                + " expected JSON"), reason);
    }

    @Test
    void anObjectInsteadOfRowsIsNamed() {
        supabase.faults().failEvery("GET", 1, 200, null, "{\"rows\":[]}");
        String reason = assertStoppedWithOneLine(run());
        assertTrue(reason.contains("expected a JSON array of rows"), reason);
    }

    @Test
    void aGatewayErrorWithoutCodeStillSaysWhatToCheck() {
        supabase.faults().failEvery("*", 1, 401, null, "{\"message\":\"Invalid API key\",\"hint\":\"Double check"
                + " your Supabase `anon` or `service_role` API key.\"}");
        String reason = assertStoppedWithOneLine(run());
        assertTrue(reason.startsWith("Supabase rejected the key: GET /rest/v1/users answered HTTP 401 (Invalid API"
                + " key"), reason);
        assertTrue(reason.contains("SUPABASE_SERVICE_ROLE_KEY / SUPABASE_SECRET_KEY"), reason);
    }

    @Test
    void aProxysPlainTextAndACdnPageAreQuotedOnOneLine() {
        supabase.faults().failEvery("GET", 1, 414, null, "URI too long\n");
        assertEquals("Supabase request failed: GET /rest/v1/users answered HTTP 414 (URI too long)",
                assertStoppedWithOneLine(run()));
        supabase.faults().clear();
        supabase.faults().failEvery("GET", 1, 520, 0, FaultInjectionEndToEndTest.CDN_520_PAGE);
        assertEquals("Supabase request failed: GET /rest/v1/users answered HTTP 520 (HTML error page: example.com |"
                + " 520: Web server is returning an unknown error)", assertStoppedWithOneLine(run()));
    }

    @Test
    void insertsWhoseAnswersAreAlwaysUnreadableAreResolvedByReReading() {
        supabase.addUniqueConstraint();
        try {
            supabase.faults().answerEveryAfterCommit("POST", 1, 201, "<html><title>OK</title></html>");
            CliRun run = run();
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertEquals(FaultWorld.CREATES, json(run).path("counts").path("created").asInt());
            SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), json(run), true, Set.of());
        } finally {
            supabase.execute("alter table public.users drop constraint users_user_id_key");
        }
    }

    @Test
    void withoutConstraintAPlainInsertWhoseAnswerIsUnreadableIsResolvedByReReading() {
        // every second POST: the first is the upsert that learns there is no constraint
        supabase.faults().answerEveryAfterCommit("POST", 2, 201, "[{\"user_id\":");
        CliRun run = run();
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(FaultWorld.CREATES, json(run).path("counts").path("created").asInt());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), json(run), true, Set.of());
    }

    // ---- a table or column that is not there ----

    @Test
    void aTableThatDoesNotExistIsNamed() {
        String reason = assertStoppedWithOneLine(run("--table", "profiles"));
        assertTrue(reason.startsWith("Supabase table public.profiles does not exist: GET /rest/v1/profiles answered"
                + " HTTP 404 (PGRST205: "), reason);
    }

    @Test
    void aColumnThatDoesNotExistIsNamed() {
        String reason = assertStoppedWithOneLine(run("--email-column", "mail"));
        assertTrue(reason.startsWith("Supabase column 'mail' does not exist in table public.users: "), reason);
        assertTrue(reason.contains("--user-id-column / --email-column"), reason);
        String userId = assertStoppedWithOneLine(run("--user-id-column", "hanko_id"));
        assertTrue(userId.startsWith("Supabase column 'hanko_id' does not exist in table public.users: "), userId);
    }

    @Test
    void aSchemaTheApiDoesNotExposeIsNamed() {
        String reason = assertStoppedWithOneLine(run("--schema", "private"));
        assertTrue(reason.startsWith("Supabase schema private is not exposed by the Data API: "), reason);
    }
}
