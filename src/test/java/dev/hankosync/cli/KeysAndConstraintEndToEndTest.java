package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.count;
import static dev.hankosync.cli.SandboxWorld.env;
import static dev.hankosync.cli.SandboxWorld.json;
import static dev.hankosync.cli.SandboxWorld.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.HankoSandboxUser;
import dev.hankosync.sandbox.SupabaseSandbox;
import dev.hankosync.sandbox.SupabaseSandboxKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key styles, rejected keys, and the table with the recommended unique constraint. */
class KeysAndConstraintEndToEndTest {

    static SupabaseSandbox supabase;
    HankoSandbox hanko;

    @BeforeAll
    static void start() throws Exception {
        supabase = new SupabaseSandbox(SupabaseSandboxKeys.generate(), true);
    }

    @AfterAll
    static void stop() {
        supabase.close();
    }

    @BeforeEach
    void reset() throws Exception {
        supabase.truncate();
        hanko = HankoSandbox.start("hanko-test-key-0123456789");
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
    }

    private Map<String, String> envWith(String supabaseKey) {
        Map<String, String> env = new HashMap<>(env(hanko, supabase, supabaseKey));
        env.put("HANKO_API_KEY", "hanko-test-key-0123456789");
        return env;
    }

    @Test
    void secretKeyAndUniqueConstraintSyncWithoutWarning() {
        hanko.seedDemo();
        CliRun run = CliRun.run(envWith(supabase.keys().secretKey()), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(9, count(json(run), "created"));
        assertFalse(run.err().contains("no unique constraint"), run.err());
        assertEquals(9, supabase.rows().size());
    }

    @Test
    void legacyServiceRoleJwtWorks() {
        hanko.seedDemo();
        CliRun run = CliRun.run(envWith(supabase.keys().serviceRoleKey()), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(9, supabase.rows().size());
    }

    @Test
    void rowsTheAppInsertedMeanwhileAreNotDuplicatedOrCountedAsCreated() {
        List<HankoSandboxUser> users = hanko.seedDemo();
        // The table is read before Hanko is scanned: the app's sign-in route inserts alice's row in between.
        hanko.afterListRequest(1, () -> supabase.insertRaw(users.get(0).id(), users.get(0).expectedEmail()));
        CliRun run = CliRun.run(envWith(supabase.keys().secretKey()), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(8, count(json(run), "created"));
        assertEquals(1, count(json(run), "unchanged"));
        assertEquals(1, table(supabase).get(users.get(0).id()).size());
    }

    @Test
    void wrongHankoKeyIsExit1SayingHankoRejectedIt() {
        hanko.seedDemo();
        Map<String, String> env = envWith(supabase.keys().secretKey());
        env.put("HANKO_API_KEY", "wrong-hanko-key-987654321");
        CliRun run = CliRun.run(env, "--format", "json");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode());
        assertTrue(run.err().contains("Hanko") && run.err().toLowerCase().contains("key"), run.err());
        assertFalse(run.all().contains("wrong-hanko-key-987654321"));
        assertEquals(0, supabase.rows().size());
    }

    @Test
    void wrongSupabaseKeyIsExit1AndNeverPrinted() {
        hanko.seedDemo();
        CliRun run = CliRun.run(envWith("sb_secret_not-the-right-one-12345"));
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode());
        assertTrue(run.err().contains("Supabase"), run.err());
        assertFalse(run.all().contains("sb_secret_not-the-right-one-12345"));
    }

    @Test
    void anonKeyIsRefusedBeforeAnyRequest() {
        hanko.seedDemo();
        CliRun run = CliRun.run(envWith(supabase.keys().anonKey()), "--dry-run");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("public (anon or publishable) key"), run.err());
        assertEquals(0, hanko.requestCount());
        assertFalse(run.all().contains(supabase.keys().anonKey()));
        assertEquals(0, supabase.rows().size());
    }

    @Test
    void unreachableHankoIsExit1WithOneLine() {
        Map<String, String> env = envWith(supabase.keys().secretKey());
        env.put("HANKO_ADMIN_URL", "http://127.0.0.1:9");
        CliRun run = CliRun.run(env, "--max-retries", "0");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode());
        assertTrue(run.err().contains("127.0.0.1"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }
}
