package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.count;
import static dev.hankosync.cli.SandboxWorld.json;
import static dev.hankosync.cli.SandboxWorld.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.HankoSandboxUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command against both sandboxes: a real PostgreSQL behind the PostgREST stand-in. */
class SyncEndToEndTest extends SandboxEndToEnd {

    HankoSandbox hanko;

    @BeforeEach
    void startHanko() throws Exception {
        supabase.truncate();
        supabase.faults().clear();
        supabase.faults().resetCounters();
        hanko = HankoSandbox.start();
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
    }

    /** Runs the command against the sandboxes; a subclass runs the same cases against another target. */
    CliRun sync(String... args) {
        return SandboxWorld.sync(hanko, supabase, target(args));
    }

    CliRun syncJson(String... args) {
        return SandboxWorld.syncJson(hanko, supabase, target(args));
    }

    /** The arguments that choose the target: none for the REST API. */
    String[] target(String... args) {
        return args;
    }

    /** The demo world: every kind of row the report names. */
    private List<HankoSandboxUser> mixedWorld() {
        List<HankoSandboxUser> users = hanko.seedDemo();
        supabase.insertRaw(users.get(0).id(), users.get(0).expectedEmail());
        supabase.insertRaw(users.get(1).id(), "bob@old.example");
        supabase.insertRaw(users.get(5).id(), users.get(5).expectedEmail());
        supabase.insertRaw(users.get(5).id(), users.get(5).expectedEmail());
        supabase.insertRaw("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11", "orphan@example.com");
        return users;
    }

    @Test
    void mixedWorldIsReconciledAndASecondRunChangesNothing() {
        List<HankoSandboxUser> users = mixedWorld();

        CliRun run = syncJson();
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertFalse(report.path("dry_run").asBoolean());
        assertEquals(9, report.path("hanko").path("users").asLong());
        assertEquals(5, report.path("supabase").path("rows").asLong());
        assertEquals(6, count(report, "created"));
        assertEquals(1, count(report, "updated"));
        assertEquals(1, count(report, "unchanged"));
        assertEquals(1, count(report, "duplicate"));
        assertEquals(1, count(report, "missing"));
        assertEquals(0, count(report, "deleted"));
        assertEquals(0, count(report, "failed"));

        Map<String, List<String>> table = table(supabase);
        for (HankoSandboxUser user : users) {
            int expectedRows = user == users.get(5) ? 2 : 1;
            assertEquals(expectedRows, table.get(user.id()).size(), user.id());
            assertEquals(user.expectedEmail(), table.get(user.id()).get(0), user.id());
        }
        assertEquals(List.of("orphan@example.com"), table.get("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11"));
        assertTrue(table.get(users.get(3).id()).contains(null), "username-only user gets a null email");
        assertEquals(List.of("dave+newsletter@example.com"), table.get(users.get(4).id()));

        JsonNode updated = rowWithAction(report, "updated");
        assertEquals(users.get(1).id(), updated.path("user_id").asText());
        assertEquals("bob@old.example", updated.path("previous_email").asText());
        assertEquals("bob@example.com", updated.path("email").asText());

        CliRun again = syncJson("--detailed-exitcode");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(8, count(json(again), "unchanged"));
        assertEquals(0, count(json(again), "created"));
    }

    @Test
    void dryRunSendsNoWriteAndReportsWhatWouldHappen() {
        mixedWorld();
        int rowsBefore = supabase.rows().size();

        CliRun run = syncJson("--dry-run", "--delete-missing", "--detailed-exitcode");
        assertEquals(ExitCodes.CHANGES, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertTrue(report.path("dry_run").asBoolean());
        assertEquals(6, count(report, "created"));
        assertEquals(1, count(report, "deleted"));
        assertEquals(0, supabase.faults().requestCount("POST"));
        assertEquals(0, supabase.faults().requestCount("PATCH"));
        assertEquals(0, supabase.faults().requestCount("DELETE"));
        assertEquals(rowsBefore, supabase.rows().size());
    }

    @Test
    void textDryRunSaysWould() {
        mixedWorld();
        CliRun run = sync("--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("dry run"), run.out());
        assertTrue(run.out().contains("Plan: 6 to create, 1 to update, 1 missing (kept), 1 duplicate."), run.out());
        assertTrue(run.out().contains("Would create (6):"), run.out());
    }

    @Test
    void deleteMissingDeletesOnlyConfirmedAbsentRows() {
        List<HankoSandboxUser> users = mixedWorld();
        // the row of a real user whose id is stored in upper case is that user's row, not a missing one
        supabase.insertRaw(users.get(6).id().toUpperCase(), users.get(6).expectedEmail());

        CliRun run = syncJson("--delete-missing");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(1, count(report, "deleted"));
        assertEquals(1, count(report, "missing"));
        assertFalse(table(supabase).containsKey("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11"));
        assertTrue(table(supabase).containsKey(users.get(6).id().toUpperCase()));
    }

    @Test
    void moreMissingRowsThanMaxDeleteIsRefusedWithExit5() {
        mixedWorld();
        supabase.insertRaw("6b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e12", "orphan2@example.com");
        int rowsBefore = supabase.rows().size();

        CliRun run = syncJson("--delete-missing", "--max-delete", "1");
        assertEquals(ExitCodes.DELETION_REFUSED, run.exitCode(), run.err());
        assertEquals(0, supabase.faults().requestCount("DELETE"));
        JsonNode report = json(run);
        assertEquals(0, count(report, "deleted"));
        assertTrue(report.path("deletion_refused").asText().contains("--max-delete 1"));
        assertEquals(rowsBefore + 6, supabase.rows().size(), "creates still happen");
    }

    @Test
    void anEmptyHankoWithAFullTableDeletesNothing() {
        supabase.insertRaw("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11", "a@example.com");
        CliRun run = syncJson("--delete-missing");
        assertEquals(ExitCodes.DELETION_REFUSED, run.exitCode(), run.err());
        assertEquals(1, supabase.rows().size());
        assertTrue(run.err().contains("--allow-empty-source"), run.err());
    }

    @Test
    void fiveHundredUsersSharingOneCreatedAtAreAllSynced() {
        List<HankoSandboxUser> users = hanko.addUsersSharingCreatedAt(500, Instant.parse("2025-05-05T00:00:00Z"));
        CliRun run = syncJson("--page-size", "100");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(500, count(json(run), "created"));
        Map<String, List<String>> table = table(supabase);
        assertEquals(500, table.size());
        for (HankoSandboxUser user : users) {
            assertEquals(List.of(user.expectedEmail()), table.get(user.id()));
        }
    }

    @Test
    void twoThousandFiveHundredUsersSharingOneCreatedAtCompleteTheScan() {
        hanko.addUsersSharingCreatedAt(2500, Instant.parse("2025-05-05T00:00:00Z"));
        CliRun run = syncJson("--page-size", "100", "--delete-missing");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertTrue(report.path("hanko").path("complete").asBoolean(), report.toString());
        assertEquals(2500, count(report, "created"));
        assertEquals(2500, supabase.rows().size());
    }

    @Test
    void aDeleteRefusedByAForeignKeyFailsThatRowOnly() {
        mixedWorld();
        supabase.insertRaw("6b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e12", "orphan2@example.com");
        supabase.execute("create table public.orders (id serial primary key, owner bigint references public.users(id))");
        try {
            supabase.execute("insert into public.orders (owner) select id from public.users"
                    + " where user_id = '6b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e12'");
            CliRun run = syncJson("--delete-missing");
            assertEquals(ExitCodes.ROWS_FAILED, run.exitCode(), run.err());
            JsonNode report = json(run);
            assertEquals(1, count(report, "deleted"));
            assertEquals(1, count(report, "failed"));
            assertTrue(rowWithAction(report, "failed").path("error").asText().startsWith("23503"), report.toString());
            assertTrue(table(supabase).containsKey("6b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e12"));
            assertFalse(table(supabase).containsKey("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11"));
        } finally {
            supabase.execute("drop table public.orders");
        }
    }

    @Test
    void aUserDeletedMidScanIsNeitherLostNorCreated() {
        for (int i = 0; i < 300; i++) {
            hanko.addUserCreatedAt(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "u" + i + "@example.com");
        }
        String early = hanko.listedUsers().get(3).id();
        hanko.afterListRequest(2, () -> hanko.deleteUser(early));

        CliRun run = syncJson("--page-size", "100");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, List<String>> table = table(supabase);
        for (HankoSandboxUser user : hanko.listedUsers()) {
            assertEquals(List.of(user.expectedEmail()), table.get(user.id()), "user lost: " + user.id());
        }
        // The deletion is noticed before the user's insert batch is written, so it gets no row.
        assertEquals(299, table.size(), "the deleted user gets no row");
    }

    @Test
    void aTableOverOneThousandRowsIsReadWhole() {
        for (int i = 0; i < 2300; i++) {
            hanko.addUserCreatedAt(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "p" + i + "@example.com");
        }
        CliRun first = syncJson("--page-size", "1000");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(2300, count(json(first), "created"));

        CliRun second = syncJson("--page-size", "1000", "--delete-missing");
        assertEquals(0, second.exitCode(), second.err());
        JsonNode report = json(second);
        assertEquals(2300, report.path("supabase").path("rows").asLong());
        assertEquals(2300, count(report, "unchanged"));
        assertEquals(0, count(report, "created"), "a truncated read would create duplicates");
        assertEquals(0, count(report, "missing"));
        assertEquals(2300, supabase.rows().size());
    }

    @Test
    void aNotNullViolationFailsOnlyTheOffendingRowsWithExit3() {
        supabase.execute("alter table public.users alter column email set not null");
        try {
            hanko.seedDemo(); // john_doe_123 has no email
            CliRun run = syncJson("--batch-size", "500");
            assertEquals(ExitCodes.ROWS_FAILED, run.exitCode(), run.err());
            JsonNode report = json(run);
            assertEquals(8, count(report, "created"));
            assertEquals(1, count(report, "failed"));
            JsonNode failed = rowWithAction(report, "failed");
            assertTrue(failed.path("error").asText().startsWith("23502"), failed.toString());
            assertEquals(8, supabase.rows().size());
        } finally {
            supabase.execute("alter table public.users alter column email drop not null");
        }
    }

    @Test
    void reportFileHoldsTheSameDocumentInTextMode(@TempDir Path dir) throws Exception {
        mixedWorld();
        Path file = dir.resolve("report.json");
        CliRun run = sync("--report", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = SandboxWorld.JSON.readTree(Files.readString(file));
        assertEquals(1, report.path("version").asInt());
        assertEquals(6, count(report, "created"));
        assertTrue(run.out().startsWith("hanko-sync result"), run.out());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aReportPathThatCannotBeWrittenIsRefusedBeforeAnyRequest(@TempDir Path dir) {
        mixedWorld();
        CliRun intoMissingFolder = sync("--report", dir.resolve("no/such/folder/r.json").toString());
        assertEquals(ExitCodes.USAGE, intoMissingFolder.exitCode());
        assertTrue(intoMissingFolder.err().contains("does not exist"), intoMissingFolder.err());
        CliRun intoDirectory = sync("--report", dir.toString());
        assertEquals(ExitCodes.USAGE, intoDirectory.exitCode());
        assertTrue(intoDirectory.err().contains("is a directory"), intoDirectory.err());
        assertEquals(0, supabase.faults().requestCount(), "no request before the check");
        assertEquals(0, hanko.requestCount());
    }

    @Test
    void aReportThroughALinkReplacesTheTargetAndANewReportIsPrivate(@TempDir Path dir) throws Exception {
        mixedWorld();
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("last.json"), real);
        assertEquals(0, sync("--report", link.toString(), "--dry-run").exitCode());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(1, SandboxWorld.JSON.readTree(Files.readString(real)).path("version").asInt());

        Path dangling = Files.createSymbolicLink(dir.resolve("next.json"), Path.of("reports/next-target.json"));
        Files.createDirectory(dir.resolve("reports"));
        assertEquals(0, sync("--report", dangling.toString(), "--dry-run").exitCode());
        assertTrue(Files.isSymbolicLink(dangling), "a link to a file not there yet stays a link");
        assertTrue(Files.isRegularFile(dir.resolve("reports/next-target.json")), "and its target is created");

        Path fresh = dir.resolve("fresh.json");
        assertEquals(0, sync("--report", fresh.toString(), "--dry-run").exitCode());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aReportFileThatFailsLateStillLeavesTheReportOnStdout() {
        mixedWorld();
        CliRun run = syncJson("--report", "/dev/full", "--dry-run");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode());
        assertEquals(6, count(json(run), "created"));
        assertTrue(run.err().contains("cannot write the report to /dev/full"), run.err());
        assertFalse(Files.isRegularFile(Path.of("/dev/full")), "the device is written to, never replaced");
    }

    @Test
    void warningsReachTheJsonReport() {
        mixedWorld(); // the guide's table has no unique constraint: the insert fallback warns
        JsonNode report = json(syncJson());
        boolean found = false;
        for (JsonNode warning : report.path("warnings")) {
            found |= warning.asText().contains("no unique constraint");
        }
        assertTrue(found, report.path("warnings").toString());
    }

    @Test
    void listUnchangedAddsUnchangedRows() {
        mixedWorld();
        JsonNode report = json(syncJson("--list-unchanged", "--dry-run"));
        assertEquals("unchanged", rowWithAction(report, "unchanged").path("action").asText());
        JsonNode plain = json(syncJson("--dry-run"));
        for (JsonNode row : plain.path("rows")) {
            assertFalse(row.path("action").asText().equals("unchanged"));
        }
    }

    private static JsonNode rowWithAction(JsonNode report, String action) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("action").asText().equals(action)) {
                return row;
            }
        }
        throw new AssertionError("no row with action " + action + " in " + report);
    }
}
