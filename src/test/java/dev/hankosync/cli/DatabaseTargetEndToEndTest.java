package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.count;
import static dev.hankosync.cli.SandboxWorld.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.postgres.TestDatabase;
import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.HankoSandboxUser;
import dev.hankosync.supabase.TableRow;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real command with {@code --database-url}: the Hanko sandbox as source, an embedded PostgreSQL as target. */
class DatabaseTargetEndToEndTest {

    private static final String PASSWORD = "pw-never-printed-77";

    private static TestDatabase database;
    private HankoSandbox hanko;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void reset() throws Exception {
        database.resetGuideTable();
        hanko = HankoSandbox.start();
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
    }

    /** Hanko's URL and the database URL only: no Supabase URL or key. */
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HANKO_ADMIN_URL", hanko.baseUrl());
        env.put("SUPABASE_DB_URL", database.uri(PASSWORD, ""));
        return env;
    }

    private static Map<String, String> tableByUserId() {
        return database.rows().stream().collect(Collectors.toMap(TableRow::userId,
                row -> row.email() == null ? "(null)" : row.email()));
    }

    private static Map<String, String> expected(List<HankoSandboxUser> users) {
        return users.stream().filter(HankoSandboxUser::listed).collect(Collectors.toMap(HankoSandboxUser::id,
                user -> user.expectedEmail() == null ? "(null)" : user.expectedEmail()));
    }

    @Test
    void dryRunWritesNothingThenTheSyncWritesEveryListedUserOnce() {
        List<HankoSandboxUser> users = hanko.seedDemo();

        CliRun dry = CliRun.run(env(), "--dry-run", "--format", "json");
        assertEquals(0, dry.exitCode(), dry.err());
        assertEquals(expected(users).size(), count(json(dry), "created"));
        assertEquals(List.of(), database.rows());

        CliRun real = CliRun.run(env(), "--format", "json");
        assertEquals(0, real.exitCode(), real.err());
        assertEquals(expected(users).size(), count(json(real), "created"));
        assertEquals(expected(users), tableByUserId());
        assertTrue(real.err().contains("no unique constraint on column user_id"), real.err());

        CliRun again = CliRun.run(env(), "--format", "json");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(0, count(json(again), "created"));
        assertEquals(expected(users).size(), count(json(again), "unchanged"));
        assertEquals(expected(users).size(), database.rows().size());
        for (CliRun run : List.of(dry, real, again)) {
            assertFalse(run.all().contains(PASSWORD), run.all());
        }
    }

    @Test
    void changedEmailsAreUpdatedAndMissingUsersDeleted() {
        List<HankoSandboxUser> users = hanko.seedDemo();
        HankoSandboxUser alice = users.get(0);
        database.insertRow(alice.id(), "alice@old.example.com");
        database.insertRow(UUID.randomUUID().toString(), "gone@example.com");

        CliRun run = CliRun.run(env(), "--format", "json", "--delete-missing");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(1, count(report, "updated"));
        assertEquals(1, count(report, "deleted"));
        assertEquals(expected(users), tableByUserId());
    }

    @Test
    void aRowTheDatabaseRefusesFailsAloneWithItsSqlstateAndExit3() {
        List<HankoSandboxUser> users = hanko.seedDemo();
        database.execute("alter table users add constraint no_bob check (email is distinct from 'bob@example.com')");

        CliRun run = CliRun.run(env(), "--format", "json");

        assertEquals(ExitCodes.ROWS_FAILED, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(1, count(report, "failed"));
        JsonNode failed = null;
        for (JsonNode row : report.path("rows")) {
            if (row.path("action").asText().equals("failed")) {
                failed = row;
            }
        }
        assertEquals("bob@example.com", failed.path("email").asText());
        assertTrue(failed.path("error").asText().startsWith("23514: "), failed.toString());
        assertEquals(expected(users).size() - 1, database.rows().size());
    }

    @Test
    void jdbcUrlAsAFlagWithPgPasswordInTheEnvironment() {
        hanko.seedDemo();
        Map<String, String> env = new HashMap<>();
        env.put("HANKO_ADMIN_URL", hanko.baseUrl());
        env.put("PGPASSWORD", PASSWORD);

        CliRun run = CliRun.run(env, "--database-url", "jdbc:postgresql://127.0.0.1:" + database.port()
                + "/postgres?user=postgres", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(count(json(run), "created"), database.rows().size());
        assertFalse(run.all().contains(PASSWORD));
    }

    @Test
    void anUnusableDatabaseUrlIsExit2BeforeAnyRequest() {
        hanko.seedDemo();
        Map<String, String> env = env();
        env.put("SUPABASE_DB_URL", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:54x2/postgres");

        CliRun run = CliRun.run(env, "--format", "json");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("invalid database URL"), run.err());
        assertFalse(run.all().contains(PASSWORD));
        assertEquals(0, hanko.requestCount());
    }

    @Test
    void anUnreachableDatabaseIsExit1WithAReport() throws Exception {
        hanko.seedDemo();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("SUPABASE_DB_URL", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:" + closedPort + "/postgres");

        CliRun run = CliRun.run(env, "--format", "json");

        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.err());
        assertEquals(0, count(json(run), "created"));
        assertTrue(run.err().contains("cannot connect to PostgreSQL at postgres@127.0.0.1:" + closedPort), run.err());
        assertFalse(run.all().contains(PASSWORD));
    }
}
