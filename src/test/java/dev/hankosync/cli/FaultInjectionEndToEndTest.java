package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.HankoSandboxUser;
import dev.hankosync.sandbox.SupabaseSandbox;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault-injection suite: the whole command against both sandboxes, once under each fault, with and without the
 * unique constraint on user_id. After every run the invariants of {@link SyncInvariants} are checked against the
 * table; then the fault is lifted and a second run must finish the job, with nothing lost and nothing duplicated.
 */
class FaultInjectionEndToEndTest extends SandboxEndToEnd {

    /** A CDN's error page, as Cloudflare sends it in front of a failing origin. */
    static final String CDN_520_PAGE = "<!DOCTYPE html><html><head><title>example.com | 520: Web server is returning an"
            + " unknown error</title><style>body{}</style></head><body><h1>Web server is returning an unknown error"
            + "</h1></body></html>";

    enum Fault {
        NONE(true, (hanko, supabase) -> { }),
        LATENCY(true, (hanko, supabase) -> {
            hanko.setLatency(Duration.ofMillis(15));
            supabase.faults().setLatency(Duration.ofMillis(15));
        }),
        HANKO_503_EVERY_3RD_WITH_RETRY_AFTER_SECONDS(true, (hanko, supabase) ->
                hanko.failEveryNthRequest(3, 503, "0")),
        HANKO_429_EVERY_4TH_WITH_RETRY_AFTER_DATE(true, (hanko, supabase) ->
                hanko.failEveryNthRequest(4, 429, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(5)))),
        HANKO_520_HTML_PAGE_EVERY_3RD(true, (hanko, supabase) -> hanko.answerEveryNthRequest(3, 520, CDN_520_PAGE)),
        HANKO_BODY_BROKEN_MID_WAY_EVERY_3RD(true, (hanko, supabase) -> hanko.breakEveryNthAnswer(3)),
        HANKO_MALFORMED_BODY_EVERY_5TH(false, (hanko, supabase) ->
                hanko.answerEveryNthRequest(5, 200, "[{\"id\":\"c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c\",\"emails\":[")),
        SUPABASE_503_ON_EVERY_2ND_READ(true, (hanko, supabase) ->
                supabase.faults().failEvery("GET", 2, 503, 0, "{\"message\":\"busy\"}")),
        SUPABASE_READ_BROKEN_MID_BODY_EVERY_2ND(true, (hanko, supabase) -> supabase.faults().breakBodyEvery("GET", 2)),
        SUPABASE_500_AFTER_COMMIT_ON_EVERY_2ND_INSERT(true, (hanko, supabase) ->
                supabase.faults().failEveryAfterCommit("POST", 2, 500)),
        SUPABASE_CONNECTION_DROPPED_AFTER_COMMIT_ON_EVERY_2ND_INSERT(true, (hanko, supabase) ->
                supabase.faults().dropConnectionEvery("POST", 2, true)),
        SUPABASE_CONNECTION_DROPPED_BEFORE_COMMIT_ON_EVERY_2ND_INSERT(true, (hanko, supabase) ->
                supabase.faults().dropConnectionEvery("POST", 2, false)),
        SUPABASE_INSERT_ANSWER_BROKEN_MID_BODY_EVERY_2ND(true, (hanko, supabase) ->
                supabase.faults().breakBodyEvery("POST", 2)),
        SUPABASE_INSERT_ANSWER_MALFORMED_AFTER_COMMIT_EVERY_2ND(true, (hanko, supabase) ->
                supabase.faults().answerEveryAfterCommit("POST", 2, 201, "[{\"user_id\":")),
        SUPABASE_504_AFTER_COMMIT_ON_EVERY_2ND_UPDATE(true, (hanko, supabase) ->
                supabase.faults().failEveryAfterCommit("PATCH", 2, 504)),
        SUPABASE_CONNECTION_DROPPED_AFTER_COMMIT_ON_DELETE(true, (hanko, supabase) ->
                supabase.faults().dropConnectionOnce("DELETE", true)),
        SUPABASE_HTML_520_ON_EVERY_3RD_REQUEST(true, (hanko, supabase) ->
                supabase.faults().failEvery("*", 3, 520, null, CDN_520_PAGE));

        /** Whether a run under this fault must still succeed (the others may stop, but must stay consistent). */
        final boolean recoverable;
        final BiConsumer<HankoSandbox, SupabaseSandbox> apply;

        Fault(boolean recoverable, BiConsumer<HankoSandbox, SupabaseSandbox> apply) {
            this.recoverable = recoverable;
            this.apply = apply;
        }
    }

    HankoSandbox hanko;

    @BeforeEach
    void startHanko() throws Exception {
        supabase.faults().clear();
        supabase.truncate();
        supabase.execute("alter table public.users drop constraint if exists users_user_id_key");
        hanko = HankoSandbox.start();
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
        supabase.faults().clear();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void withoutUniqueConstraint(Fault fault) {
        runUnder(fault);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"NONE", "HANKO_BODY_BROKEN_MID_WAY_EVERY_3RD",
            "SUPABASE_500_AFTER_COMMIT_ON_EVERY_2ND_INSERT", "SUPABASE_CONNECTION_DROPPED_AFTER_COMMIT_ON_EVERY_2ND_INSERT",
            "SUPABASE_CONNECTION_DROPPED_BEFORE_COMMIT_ON_EVERY_2ND_INSERT", "SUPABASE_INSERT_ANSWER_BROKEN_MID_BODY_EVERY_2ND",
            "SUPABASE_INSERT_ANSWER_MALFORMED_AFTER_COMMIT_EVERY_2ND", "SUPABASE_HTML_520_ON_EVERY_3RD_REQUEST"})
    void withUniqueConstraint(Fault fault) {
        supabase.addUniqueConstraint();
        runUnder(fault);
    }

    private void runUnder(Fault fault) {
        FaultWorld world = FaultWorld.seed(hanko, supabase);
        fault.apply.accept(hanko, supabase);

        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args());
        JsonNode report = json(run);
        boolean succeeded = run.exitCode() == ExitCodes.OK;
        if (fault.recoverable) {
            assertEquals(ExitCodes.OK, run.exitCode(), fault + ": " + run.err());
            assertEquals(FaultWorld.CREATES, report.path("counts").path("created").asInt(), fault + ": " + run.err());
            assertEquals(FaultWorld.UPDATES, report.path("counts").path("updated").asInt(), fault + ": " + run.err());
            assertEquals(2, report.path("counts").path("deleted").asInt(), fault + ": " + run.err());
        } else {
            assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.RUNTIME_FAILURE,
                    fault + ": exit " + run.exitCode() + " " + run.err());
        }
        assertOneLineDiagnosisIfStopped(run, report);
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, succeeded, Set.of());

        // The fault lifted, a second run finishes the job from whatever the first left.
        hanko.clearFailures();
        hanko.setLatency(Duration.ZERO);
        supabase.faults().clear();
        List<dev.hankosync.supabase.TableRow> between = new ArrayList<>(supabase.rows());
        CliRun again = FaultWorld.sync(hanko, supabase, FaultWorld.args());
        assertEquals(ExitCodes.OK, again.exitCode(), fault + " then none: " + again.err());
        SyncInvariants.assertHold(world.users(), between, supabase.rows(), json(again), true, Set.of());
        if (succeeded) {
            assertEquals(0, json(again).path("counts").path("created").asInt(), "nothing left for the second run");
            assertEquals(world.users().size(), json(again).path("counts").path("unchanged").asInt());
        }
        for (HankoSandboxUser user : world.users()) {
            assertEquals(1, supabase.rows().stream().filter(row -> user.id().equals(row.userId())).count(),
                    "exactly one row for " + user.id());
        }
    }

    private static void assertOneLineDiagnosisIfStopped(CliRun run, JsonNode report) {
        if (run.exitCode() == ExitCodes.OK) {
            assertTrue(report.path("stopped_by").isNull(), report.toString());
            return;
        }
        String reason = report.path("stopped_by").asText();
        assertFalse(reason.isBlank(), "the report says why it stopped: " + report);
        assertFalse(reason.contains("\n"), reason);
        assertTrue(run.err().contains("hanko-sync: stopped: "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run.err());
    }

    @Test
    void aMalformedHankoPageStopsTheRunWithOneLineNamingTheCall() {
        FaultWorld.seed(hanko, supabase);
        hanko.answerEveryNthRequest(1, 200, "[{\"id\":\"c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c\",\"emails\":[");

        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args());

        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.err());
        assertTrue(json(run).path("stopped_by").asText().startsWith("Hanko sent a malformed answer to GET /users: "),
                json(run).toString());
        assertTrue(run.err().contains("cut off"), run.err());
    }
}
