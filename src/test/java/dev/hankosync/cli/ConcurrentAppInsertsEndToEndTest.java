package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.HankoSandboxUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's sign-in route inserting rows for the same users while the sync runs (Hanko's Supabase guide inserts a
 * row on sign-in when there is none). The second writer is the sandbox's server itself, inserting straight into
 * PostgreSQL right before one of the sync's requests is carried out.
 */
class ConcurrentAppInsertsEndToEndTest extends SandboxEndToEnd {

    HankoSandbox hanko;
    FaultWorld world;

    @BeforeEach
    void seed() throws Exception {
        supabase.faults().clear();
        supabase.truncate();
        supabase.execute("alter table public.users drop constraint if exists users_user_id_key");
        hanko = HankoSandbox.start();
        world = FaultWorld.seed(hanko, supabase);
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
        supabase.faults().clear();
        supabase.execute("alter table public.users drop constraint if exists users_user_id_key");
    }

    /** Users of the world that have no row yet: the ones the sync is about to create. */
    private List<HankoSandboxUser> withoutRow(int count) {
        Map<String, List<String>> table = SandboxWorld.table(supabase);
        List<HankoSandboxUser> users = new ArrayList<>();
        for (HankoSandboxUser user : world.users()) {
            if (!table.containsKey(user.id()) && users.size() < count) {
                users.add(user);
            }
        }
        return users;
    }

    /** User ids of the rows the app inserted, as they happen. */
    private final List<String> appRows = new CopyOnWriteArrayList<>();

    /**
     * The app signs these users in right before the sync's {@code k}-th request of {@code method} is carried out,
     * inserting a row for each that has none yet.
     */
    private void appSignsIn(List<HankoSandboxUser> users, String method, int k) {
        supabase.faults().beforeRequest(method, k, () -> users.forEach(user -> {
            if (supabase.insertRawIfAbsent(user.id(), user.expectedEmail())) {
                appRows.add(user.id());
            }
        }));
    }

    @Test
    void withTheUniqueConstraintConcurrentSignInsCauseNoFailureAndNoDuplicate() {
        supabase.addUniqueConstraint();
        List<HankoSandboxUser> signingIn = withoutRow(FaultWorld.CREATES);
        // batches of 4 in scan order, one at a time: POST 1 carries signingIn[0..4), POST 3 signingIn[8..12)
        appSignsIn(signingIn.subList(0, 3), "POST", 1);
        appSignsIn(signingIn.subList(10, 12), "POST", 3);

        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args("--concurrency", "1"));

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(5, appRows.size(), "the app inserted rows the sync was about to insert: " + appRows);
        assertNoFailureNoDuplicate(report);
        assertEquals(FaultWorld.CREATES - appRows.size(), report.path("counts").path("created").asInt(),
                "the app's rows are not counted as created by the sync");
        assertEquals(world.users().size() - FaultWorld.CREATES - FaultWorld.UPDATES + appRows.size(),
                report.path("counts").path("unchanged").asInt(), "they are unchanged: " + report.path("counts"));
    }

    @Test
    void withTheUniqueConstraintSignInsRacingParallelWritesCauseNoFailureAndNoDuplicate() {
        supabase.addUniqueConstraint();
        List<HankoSandboxUser> signingIn = withoutRow(FaultWorld.CREATES);
        // four writes in flight: which batch each hook meets varies from run to run; the outcome must not
        for (int k = 1; k <= 6; k++) {
            appSignsIn(signingIn.subList(4 * k - 4, 4 * k - 2), "POST", k);
        }

        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args("--concurrency", "4"));

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertNoFailureNoDuplicate(json(run));
    }

    private void assertNoFailureNoDuplicate(JsonNode report) {
        assertEquals(0, report.path("counts").path("failed").asInt(), report.toString());
        assertEquals(0, report.path("counts").path("duplicate").asInt(), report.toString());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, true, appRows);
        for (String id : appRows) {
            assertEquals(1, SandboxWorld.table(supabase).get(id).size(), "no duplicate for " + id);
        }
    }

    @Test
    void withoutTheConstraintRowsTheAppInsertedSinceTheTableWasReadAreNotInsertedAgain() {
        List<HankoSandboxUser> signingIn = withoutRow(FaultWorld.CREATES);
        // POST 1 is the upsert that finds no constraint; every plain insert is checked against the table first.
        appSignsIn(signingIn.subList(0, 2), "POST", 1);
        appSignsIn(signingIn.subList(12, 14), "POST", 4);

        // one write at a time, so that each batch's check comes after the app's insert it is meant to see
        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args("--concurrency", "1"));

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(4, appRows.size(), "the app inserted rows the sync was about to insert: " + appRows);
        assertEquals(FaultWorld.CREATES - appRows.size(), report.path("counts").path("created").asInt(),
                report.toString());
        SyncInvariants.assertHold(world.users(), world.before(), supabase.rows(), report, true, appRows);
        for (String id : appRows) {
            assertEquals(1, SandboxWorld.table(supabase).get(id).size(), "no duplicate for " + id);
        }
    }

    @Test
    void withoutTheConstraintASignInBetweenTheCheckAndTheInsertIsReportedAsDuplicateByTheNextRun() {
        List<HankoSandboxUser> signingIn = withoutRow(FaultWorld.CREATES);
        // POST 1: the upsert that finds no constraint; then GET (the check) and POST 2, the first plain insert:
        // the app's row lands in between, in the window of one round trip that no client-side check can close.
        HankoSandboxUser unlucky = signingIn.get(0);
        appSignsIn(List.of(unlucky), "POST", 2);

        CliRun run = FaultWorld.sync(hanko, supabase, FaultWorld.args("--concurrency", "1"));

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("no unique constraint on column user_id"), "the run warned: " + run.err());
        assertEquals(2, SandboxWorld.table(supabase).get(unlucky.id()).size());
        // the run itself says how many users it left with two rows
        assertEquals(1, json(run).path("supabase").path("duplicate_users_after").asInt(), json(run).toString());
        assertTrue(run.err().contains("1 user this run created now has more than one row"), run.err());

        CliRun next = FaultWorld.sync(hanko, supabase, FaultWorld.args());
        assertEquals(ExitCodes.OK, next.exitCode(), next.err());
        JsonNode report = json(next);
        assertEquals(1, report.path("counts").path("duplicate").asInt(), report.toString());
        assertEquals(unlucky.id(), SyncInvariants.reportRows(report, "duplicate").get(0).path("user_id").asText());
        assertEquals(2, SandboxWorld.table(supabase).get(unlucky.id()).size(), "duplicates are reported, not touched");
        assertTrue(appRows.contains(unlucky.id()));
    }
}
