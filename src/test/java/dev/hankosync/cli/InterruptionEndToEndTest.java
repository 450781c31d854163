package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.supabase.TableRow;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGINT and SIGTERM in the middle of a run, delivered through the same {@link StopSignals} the signal handlers
 * use: the run stops between requests, prints the report of what it wrote, exits 130 or 143, and a second run
 * finishes the job with nothing lost or duplicated. Also a run stopped by a failure while writes are in flight.
 */
class InterruptionEndToEndTest extends SandboxEndToEnd {

    HankoSandbox hanko;
    StopSignals signals;

    @BeforeEach
    void reset() throws Exception {
        supabase.faults().clear();
        supabase.truncate();
        hanko = HankoSandbox.start();
        signals = StopSignals.none();
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
        supabase.faults().clear();
    }

    /** A run whose signals the test can raise. */
    private CliRun syncWithSignals(String... args) {
        CliContext context = new CliContext(FaultWorld.fastRetries(SandboxWorld.env(hanko, supabase,
                supabase.keys().secretKey())), false, false, Clock.systemUTC(), signals);
        return CliRun.run(context, args);
    }

    private void assertSecondRunFinishesTheJob(FaultWorld world) {
        List<TableRow> between = supabase.rows();
        CliRun again = FaultWorld.sync(hanko, supabase, FaultWorld.args());
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        SyncInvariants.assertHold(world.users(), between, supabase.rows(), json(again), true, Set.of());
    }

    @Test
    void sigtermWhileInsertsAreInFlightExits143WithTheReportOfWhatWasWritten() {
        FaultWorld world = FaultWorld.seed(hanko, supabase);
        supabase.faults().beforeRequest("POST", 3, () -> signals.simulate(ExitCodes.SIGTERM));

        CliRun run = syncWithSignals(FaultWorld.args());

        assertEquals(ExitCodes.SIGTERM, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertTrue(report.path("interrupted").asBoolean(), report.toString());
        assertEquals(ExitCodes.SIGTERM, report.path("exit_code").asInt());
        assertTrue(run.err().contains("interrupted; run again"), run.err());
        assertTrue(report.path("counts").path("created").asInt() >= 1, "the batch in flight finished: " + report);
        assertTrue(report.path("counts").path("created").asInt() < FaultWorld.CREATES, "it stopped: " + report);
        assertEquals(0, report.path("counts").path("deleted").asInt(), "deletes come last, after a complete run");
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, false, Set.of());

        assertSecondRunFinishesTheJob(world);
    }

    @Test
    void sigintDuringTheHankoScanExits130AndDeletesNothing() {
        FaultWorld world = FaultWorld.seed(hanko, supabase);
        hanko.afterListRequest(2, () -> signals.simulate(ExitCodes.SIGINT));

        CliRun run = syncWithSignals(FaultWorld.args());

        assertEquals(ExitCodes.SIGINT, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertTrue(report.path("interrupted").asBoolean(), report.toString());
        assertTrue(report.path("hanko").path("pages").asInt() >= 1, "how far the scan got: " + report);
        assertTrue(report.path("hanko").path("users").asInt() > 0, report.toString());
        assertFalse(report.path("hanko").path("complete").asBoolean());
        assertEquals("the run stopped before the scan finished",
                report.path("hanko").path("incomplete_reason").asText(), report.toString());
        assertTrue(world.orphans().stream().allMatch(id -> supabase.rows().stream()
                .anyMatch(row -> id.equals(row.userId()))), "an interrupted scan deletes nothing");
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, false, Set.of());

        assertSecondRunFinishesTheJob(world);
    }

    @Test
    void sigtermWhileADeleteIsInFlightReportsTheDeletedRows() {
        FaultWorld world = FaultWorld.seed(hanko, supabase);
        supabase.faults().beforeRequest("DELETE", 1, () -> signals.simulate(ExitCodes.SIGTERM));

        CliRun run = syncWithSignals(FaultWorld.args("--batch-size", "1"));

        assertEquals(ExitCodes.SIGTERM, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(1, report.path("counts").path("deleted").asInt(), "the delete in flight finished: " + report);
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, false, Set.of());

        assertSecondRunFinishesTheJob(world);
    }

    @Test
    void aFailureWhileWritesAreInFlightStillReportsEveryWriteThatLanded() {
        FaultWorld world = FaultWorld.seed(hanko, supabase);
        // The first insert is slow; meanwhile the second Hanko page comes back malformed and stops the run.
        supabase.faults().beforeRequest("POST", 1, () -> sleep(400));
        hanko.answerEveryNthRequest(2, 200, "[{\"id\":");

        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args("--concurrency", "1"));

        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.err());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), json(run), false, Set.of());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
