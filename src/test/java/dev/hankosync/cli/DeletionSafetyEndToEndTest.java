package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guards in front of --delete-missing: incomplete scans, --max-delete, and an empty Hanko. */
class DeletionSafetyEndToEndTest extends SandboxEndToEnd {

    HankoSandbox hanko;

    @BeforeEach
    void reset() throws Exception {
        supabase.faults().clear();
        supabase.faults().resetCounters();
        supabase.truncate();
        hanko = HankoSandbox.start();
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
    }

    @Test
    void aScanThatNeverAddsUpToTheCountDeletesNothingAndSaysWhy() {
        FaultWorld world = FaultWorld.seed(hanko, supabase);
        hanko.replaceTotalCount("1000"); // a count the list never reaches: users are hidden somewhere

        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args());

        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertFalse(report.path("hanko").path("complete").asBoolean(), report.toString());
        assertTrue(report.path("hanko").path("incomplete_reason").asText().contains("X-Total-Count says 1000"),
                report.toString());
        assertTrue(report.path("deletion_refused").asText().startsWith("the Hanko scan was incomplete"),
                report.toString());
        assertEquals(0, supabase.faults().requestCount("DELETE"));
        assertEquals(2, report.path("counts").path("missing").asInt());
        assertTrue(run.err().contains("incomplete"), run.err());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, false, Set.of());
    }

    @Test
    void exactlyMaxDeleteMissingRowsAreDeletedAndOneMoreIsRefused() {
        FaultWorld world = FaultWorld.seed(hanko, supabase);

        CliRun refused = FaultWorld.sync(hanko, supabase, FaultWorld.args("--max-delete", "1"));
        assertEquals(ExitCodes.DELETION_REFUSED, refused.exitCode(), refused.err());
        assertEquals(0, supabase.faults().requestCount("DELETE"));
        assertTrue(json(refused).path("deletion_refused").asText().contains("more than --max-delete 1"));

        CliRun allowed = FaultWorld.sync(hanko, supabase, FaultWorld.args("--max-delete", "2"));
        assertEquals(ExitCodes.OK, allowed.exitCode(), allowed.err());
        assertEquals(2, json(allowed).path("counts").path("deleted").asInt());
        world.orphans().forEach(id -> assertFalse(SandboxWorld.table(supabase).containsKey(id)));
    }

    @Test
    void anEmptyHankoDeletesOnlyWithTheExplicitOverride() {
        String row = "5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11";
        supabase.insertRaw(row, "a@example.com");

        CliRun refused = FaultWorld.sync(hanko, supabase, FaultWorld.args());
        assertEquals(ExitCodes.DELETION_REFUSED, refused.exitCode(), refused.err());
        assertTrue(json(refused).path("deletion_refused").asText().contains("Hanko listed no users"));
        assertEquals(1, supabase.rows().size());

        CliRun allowed = FaultWorld.sync(hanko, supabase, FaultWorld.args("--allow-empty-source"));
        assertEquals(ExitCodes.OK, allowed.exitCode(), allowed.err());
        assertEquals(1, json(allowed).path("counts").path("deleted").asInt());
        assertTrue(supabase.rows().isEmpty());
    }

    @Test
    void aHankoThatFailsDuringTheScanDeletesNothing() {
        FaultWorld world = FaultWorld.seed(hanko, supabase);
        hanko.failEveryNthRequest(4, 500); // more failures than retries: the fourth request fails for good
        hanko.failEveryNthRequest(5, 500);
        hanko.failEveryNthRequest(6, 500);

        // one page at a time, so the three failures in a row hit the same page's tries
        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args("--max-retries", "2", "--concurrency", "1"));

        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.err());
        assertEquals(0, supabase.faults().requestCount("DELETE"));
        assertTrue(json(run).path("stopped_by").asText().startsWith("Hanko answered 500 to GET /users"),
                json(run).toString());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), json(run), false, Set.of());
    }
}
