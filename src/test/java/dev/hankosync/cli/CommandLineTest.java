package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.config.SettingKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void helpListsEverySettingWithItsEnvironmentVariableAndDefault() {
        CliRun run = CliRun.run(Map.of(), "--help");
        assertEquals(0, run.exitCode());
        for (SettingKey key : SettingKey.values()) {
            assertTrue(run.out().contains(key.flag()), key.flag());
            for (String env : key.environmentVariables()) {
                assertTrue(run.out().contains(env), env);
            }
        }
        assertTrue(run.out().contains("Default: 100"));
        assertTrue(run.out().contains("--dry-run"));
        assertTrue(run.out().contains("demo"));
        assertTrue(run.out().contains("check"));
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.run(Map.of(), "--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("hanko-sync \\d+\\.\\d+\\.\\d+.*\\R"), run.out());
    }

    @Test
    void missingSettingIsExit2WithOneLineNamingFlagEnvAndProperty() {
        CliRun run = CliRun.run(Map.of("SUPABASE_URL", "http://127.0.0.1:1", "SUPABASE_SECRET_KEY", "sb_secret_x"),
                "--dry-run");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("", run.out());
        String[] lines = run.err().strip().split("\\R");
        assertEquals(1, lines.length, run.err());
        assertTrue(lines[0].contains("--hanko-url"), lines[0]);
        assertTrue(lines[0].contains("HANKO_ADMIN_URL"), lines[0]);
        assertTrue(lines[0].contains("hanko.admin.url"), lines[0]);
    }

    @Test
    void badNumberIsExit2NamingTheOptionWithoutStackTrace() {
        CliRun run = CliRun.run(Map.of(), "sync", "--page-size", "lots", "--hanko-url", "http://127.0.0.1:1",
                "--supabase-url", "http://127.0.0.1:2", "--supabase-key", "sb_secret_abcdefgh");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--page-size"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.all().contains("sb_secret_abcdefgh"));
    }

    @Test
    void unknownOptionIsExit2() {
        CliRun run = CliRun.run(Map.of(), "--no-such-option");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--no-such-option"), run.err());
    }

    @Test
    void badFormatValueIsExit2() {
        CliRun run = CliRun.run(Map.of(), "--format", "xml");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--format"), run.err());
    }

    @Test
    void optionsBeforeTheCommandAreRefusedNotIgnored() {
        CliRun run = CliRun.run(Map.of(), "--dry-run", "sync");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--dry-run must come after the command"), run.err());
    }

    @Test
    void aUsageErrorIsOneLineAndAPointerNotTheWholeHelp() {
        CliRun run = CliRun.run(Map.of(), "--format", "yaml");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("hanko-sync: "), run.err());
        assertTrue(run.err().strip().split("\\R").length <= 3, run.err());
        assertFalse(run.err().contains("--hanko-url"), "no full help: " + run.err());
    }

    @Test
    void anEmptyFlagValueIsAnErrorNotAFallback() {
        CliRun run = CliRun.run(Map.of("HANKO_ADMIN_URL", "http://127.0.0.1:1"), "--hanko-url=", "--dry-run");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--hanko-url needs a value"), run.err());
    }
}
