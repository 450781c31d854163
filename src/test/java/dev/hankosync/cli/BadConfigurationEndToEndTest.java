package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hankosync.sandbox.HankoSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong settings through the whole command: each is named on one line, configuration errors exit 2 before any
 * request, and doubtful settings warn but run.
 */
class BadConfigurationEndToEndTest extends SandboxEndToEnd {

    HankoSandbox hanko;

    @BeforeEach
    void seed() throws Exception {
        supabase.faults().clear();
        supabase.faults().resetCounters();
        supabase.truncate();
        hanko = HankoSandbox.start();
        hanko.seedDemo();
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
    }

    private Map<String, String> env() {
        return FaultWorld.fastRetries(SandboxWorld.env(hanko, supabase, supabase.keys().secretKey()));
    }

    private void assertUsageErrorBeforeAnyRequest(CliRun run, String expected) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
        assertEquals(0, hanko.requestCount());
        assertEquals(0, supabase.faults().requestCount());
    }

    @Test
    void aUrlWithoutSchemeIsRefusedBeforeAnyRequest() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("SUPABASE_URL", "myproject.supabase.co"); // refused before any connection is tried
        assertUsageErrorBeforeAnyRequest(CliRun.run(env), "invalid Supabase URL");
        String err = CliRun.run(env).err();
        assertTrue(err.contains("it must start with http:// or https://"), err);
    }

    @Test
    void anUnknownPropertiesKeyIsWarnedAboutWithTheNearestKnownKey(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("sync.properties");
        Files.writeString(config, "sync.page.sise=50\n");
        CliRun run = CliRun.run(env(), "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("unknown key sync.page.sise in " + config + " is ignored; did you mean"
                + " sync.page.size?"), run.err());
    }

    @Test
    void aConfigFileHoldingAKeyThatOthersCanReadIsWarnedAbout(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("sync.properties");
        Files.writeString(config, "supabase.key=" + supabase.keys().secretKey() + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> env = new java.util.HashMap<>(env());
        env.remove("SUPABASE_SECRET_KEY");
        CliRun run = CliRun.run(env, "--config", config.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("can be read by other users; restrict it with: chmod 600 " + config), run.err());
        assertFalse(run.all().contains(supabase.keys().secretKey()));
    }

    @Test
    void anUnreadableConfigFileIsAConfigurationError(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("sync.properties");
        Files.writeString(config, "sync.page.size=50\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(config), "running as root: every file is readable");
        assertUsageErrorBeforeAnyRequest(CliRun.run(env(), "--config", config.toString()),
                "cannot read config file " + config + ": permission denied");
    }

    @Test
    void anAnonOrPublishableKeyIsRefusedBeforeAnyRequestAndTheRefusalSaysWhy() {
        for (String key : new String[] {supabase.keys().anonKey(), supabase.keys().publishableKey()}) {
            Map<String, String> env = new java.util.HashMap<>(env());
            env.put("SUPABASE_SECRET_KEY", key);
            supabase.faults().resetCounters();
            CliRun run = CliRun.run(env, "--format", "json");
            // rows RLS hides from such a key would look missing and be inserted again: no run, not even a dry one
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("is a public (anon or publishable) key: row-level security can hide rows and"
                    + " refuse writes; use the service_role or secret key"), run.err());
            assertTrue(run.err().contains("the sync would insert them again"), run.err());
            assertEquals(0, supabase.faults().requestCount(), "refused before any request");
            assertTrue(supabase.rows().isEmpty());
        }
    }
}
