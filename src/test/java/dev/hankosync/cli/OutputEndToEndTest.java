package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.HankoSandboxUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a run prints, by where it goes: ndjson streaming, CSV report files, masked emails, and the terminal-only
 * behaviour (progress bar, colours, capped groups), with the terminal check injected through {@link CliContext}.
 */
class OutputEndToEndTest extends SandboxEndToEnd {

    HankoSandbox hanko;
    List<HankoSandboxUser> users;

    @BeforeEach
    void startHanko() throws Exception {
        supabase.truncate();
        supabase.faults().resetCounters();
        hanko = HankoSandbox.start();
        users = hanko.seedDemo();
        supabase.insertRaw(users.get(0).id(), users.get(0).expectedEmail());
        supabase.insertRaw(users.get(1).id(), "bob@old.example");
        supabase.insertRaw("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11", "orphan@example.com");
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
    }

    private Map<String, String> env() {
        return new HashMap<>(SandboxWorld.env(hanko, supabase, supabase.keys().secretKey()));
    }

    private CliRun run(boolean stdoutTerminal, boolean stderrTerminal, Map<String, String> env, String... args) {
        return CliRun.run(new CliContext(env, stdoutTerminal, stderrTerminal, Clock.systemUTC(), StopSignals.none()),
                args);
    }

    @Test
    void ndjsonStreamsEachRowAsItIsWrittenThenASummary() throws Exception {
        // Snapshot, as each line arrives, how many inserts the table has seen: a line written while inserts are
        // still to come proves the rows stream rather than arrive with the report.
        List<Integer> postsWhenCreatedLineArrived = new ArrayList<>();
        StringWriter captured = new StringWriter();
        Writer watching = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                String text = new String(buf, off, len);
                if (text.contains("\"action\":\"created\"")) {
                    postsWhenCreatedLineArrived.add(supabase.faults().requestCount("POST"));
                }
                captured.write(text);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        CommandLine cli = CommandLineFactory.create(CliContext.forTests(env()));
        cli.setOut(new PrintWriter(watching, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int code = cli.execute("--format", "ndjson", "--batch-size", "1", "--concurrency", "1");

        assertEquals(0, code);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString().split("\n")) {
            lines.add(SandboxWorld.JSON.readTree(line)); // every line is one JSON object
        }
        JsonNode summary = lines.get(lines.size() - 1);
        assertEquals("summary", summary.path("type").asText());
        assertFalse(summary.has("rows"), "rows were streamed before the summary");
        assertEquals(7, summary.path("counts").path("created").asLong());
        List<JsonNode> rows = lines.subList(0, lines.size() - 1);
        assertTrue(rows.stream().allMatch(r -> r.path("type").asText().equals("row")));
        assertEquals(7, rows.stream().filter(r -> r.path("action").asText().equals("created")).count());
        assertEquals(1, rows.stream().filter(r -> r.path("action").asText().equals("updated")).count());
        assertEquals("bob@old.example", rows.stream().filter(r -> r.path("action").asText().equals("updated"))
                .findFirst().orElseThrow().path("previous_email").asText());
        assertEquals(7, postsWhenCreatedLineArrived.size());
        int totalPosts = supabase.faults().requestCount("POST");
        assertTrue(postsWhenCreatedLineArrived.get(0) < totalPosts,
                "first created row printed after " + postsWhenCreatedLineArrived.get(0) + " of " + totalPosts
                        + " inserts");
    }

    @Test
    void aCsvReportFileHoldsTheRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("last-run.CSV");
        CliRun run = run(false, false, env(), "--dry-run", "--report", file.toString());
        assertEquals(0, run.exitCode(), run.all());
        List<String> lines = Files.readAllLines(file);
        assertEquals("action,user_id,email,previous_email,error", lines.get(0));
        assertTrue(lines.contains("updated," + users.get(1).id() + ",bob@example.com,bob@old.example,"), lines.toString());
        assertTrue(lines.contains("missing,5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11,orphan@example.com,,"),
                lines.toString());
        assertEquals(1 + 7 + 1 + 1, lines.size(), lines.toString());
    }

    @Test
    void maskedEmailsLeaveNoAddressInStdoutOrTheReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        CliRun run = run(false, false, env(), "--dry-run", "--format", "json", "--mask-emails", "--report",
                file.toString());
        assertEquals(0, run.exitCode(), run.all());
        String report = Files.readString(file);
        for (String text : List.of(run.out(), report)) {
            assertFalse(text.contains("bob@example.com"), text);
            assertFalse(text.contains("orphan@example.com"), text);
            assertTrue(text.contains("\"b***@e***.com\""), text);
        }
        assertEquals(users.get(1).id(), rowOf(SandboxWorld.json(run), "updated").path("user_id").asText());
    }

    @Test
    void aTerminalGetsAProgressBarOnStderr() {
        CliRun run = run(false, true, env(), "--dry-run");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.err().contains("\rhanko-sync: reading table users"), run.err());
        assertTrue(java.util.Arrays.stream(run.err().split("\n")).allMatch(line -> line.startsWith("\r")),
                "each phase is one line redrawn in place: " + run.err());
    }

    @Test
    void noProgressBarOffATerminalWithQuietOrInMachineFormats() {
        CliRun piped = run(false, false, env(), "--dry-run");
        assertFalse(piped.err().contains("\r"), piped.err());
        assertTrue(piped.err().contains("hanko-sync: reading table users"), "phase lines instead: " + piped.err());
        for (String[] args : List.of(new String[] {"--dry-run", "--quiet"},
                new String[] {"--dry-run", "--format", "json"}, new String[] {"--dry-run", "--format", "ndjson"})) {
            CliRun run = run(false, true, env(), args);
            assertEquals(0, run.exitCode(), run.all());
            assertEquals("", run.err(), String.join(" ", args));
        }
    }

    @Test
    void coloursFollowTheTerminalNoColorAndTheFlag() {
        Map<String, String> noColor = env();
        noColor.put("NO_COLOR", "1");
        Map<String, String> emptyNoColor = env();
        emptyNoColor.put("NO_COLOR", "");
        assertTrue(run(true, false, env(), "--dry-run").out().contains("\u001B["), "auto on a terminal");
        assertFalse(run(false, false, env(), "--dry-run").out().contains("\u001B"), "auto off a terminal");
        assertFalse(run(true, false, noColor, "--dry-run").out().contains("\u001B"), "NO_COLOR");
        assertTrue(run(true, false, emptyNoColor, "--dry-run").out().contains("\u001B["), "an empty NO_COLOR is unset");
        assertTrue(run(false, false, noColor, "--dry-run", "--color", "always").out().contains("\u001B["), "always");
        assertFalse(run(true, false, env(), "--dry-run", "--color", "never").out().contains("\u001B"), "never");
    }

    @Test
    void aTerminalSeesTheFirstRowsOfABigGroupAndListAllShowsThemAll() {
        for (int i = 0; i < 30; i++) {
            hanko.addUserCreatedAt(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "many" + i + "@example.com");
        }
        CliRun terminal = run(true, false, env(), "--dry-run", "--color", "never");
        assertEquals(ReportText.ROWS_PER_ACTION, countCreates(terminal.out()), terminal.out());
        assertTrue(terminal.out().contains("… and 17 more (--list-all"), terminal.out());
        assertEquals(37, countCreates(run(true, false, env(), "--dry-run", "--list-all", "--color", "never").out()));
        assertEquals(37, countCreates(run(false, false, env(), "--dry-run").out()), "a pipe gets every row");
    }

    @Test
    void verboseLogsEachRequestWithoutKeysOrQueries() throws Exception {
        try (HankoSandbox cloud = HankoSandbox.start("hanko-cloud-key-0123456789")) {
            cloud.seedDemo();
            Map<String, String> env = new HashMap<>(SandboxWorld.env(cloud, supabase, supabase.keys().secretKey()));
            env.put("HANKO_API_KEY", "hanko-cloud-key-0123456789");
            CliRun run = run(false, false, env, "--dry-run", "--verbose");
            assertEquals(0, run.exitCode(), run.all());
            assertTrue(run.err().lines().anyMatch(l -> l.matches("http: GET /users -> 200 \\(\\d+ ms\\)")), run.err());
            assertTrue(run.err().lines().anyMatch(l -> l.matches("http: GET /rest/v1/users -> 200 \\(\\d+ ms\\)")),
                    run.err());
            assertFalse(run.err().contains("hanko-cloud-key-0123456789"));
            assertFalse(run.err().contains(supabase.keys().secretKey()));
            assertFalse(run.err().contains("per_page="), "no query strings: they hold ids and emails");
        }
    }

    private static long countCreates(String out) {
        return out.lines().filter(l -> l.startsWith("  + ")).count();
    }

    private static JsonNode rowOf(JsonNode report, String action) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("action").asText().equals(action)) {
                return row;
            }
        }
        throw new AssertionError("no " + action + " row in " + report);
    }
}
