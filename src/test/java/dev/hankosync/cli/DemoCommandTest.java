package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoPrintsADryRunPlanThenTheRealRunResult() {
        CliRun run = CliRun.run(Map.of(), "demo");
        assertEquals(0, run.exitCode(), run.err());
        int plan = run.out().indexOf("Plan: 5 to create, 2 to update, 2 missing (kept), 1 duplicate.\n"
                + "1 row already matches.");
        int done = run.out().indexOf("Done: 5 created, 2 updated, 2 missing (kept), 1 duplicate.\n"
                + "1 row already matched.");
        assertTrue(plan >= 0 && done > plan, run.out());
    }

    @Test
    void demoInJsonPrintsTwoReportsWithSyntheticUsers() throws Exception {
        CliRun run = CliRun.run(Map.of(), "demo", "--format", "json", "--extra-users", "1500", "--extra-rows", "700");
        assertEquals(0, run.exitCode(), run.err());
        try (MappingIterator<JsonNode> docs = SandboxWorld.JSON.readerFor(JsonNode.class).readValues(run.out())) {
            List<JsonNode> reports = docs.readAll();
            assertEquals(2, reports.size());
            assertTrue(reports.get(0).path("dry_run").asBoolean());
            assertEquals(800 + 5, reports.get(1).path("counts").path("created").asLong());
            assertEquals(700 + 1, reports.get(1).path("counts").path("unchanged").asLong());
        }
    }

    @Test
    void extraRowsBeyondExtraUsersIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "demo", "--extra-users", "1", "--extra-rows", "2");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--extra-rows"), run.err());
    }
}
