package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first steps: start the sandbox, check against it, plan against it, stop it. */
class SandboxCommandTest {

    @Test
    void checkAndADryRunPassAgainstTheRunningSandboxAndStoppingCleansUp(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("sandbox.env");
        StopSignals signals = StopSignals.none();
        CliContext context = new CliContext(Map.of(), false, false, Clock.systemUTC(), signals);
        CompletableFuture<CliRun> sandbox = CompletableFuture.supplyAsync(() ->
                CliRun.run(context, "sandbox", "--env-out", envFile.toString()));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(envFile) && !sandbox.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(envFile), "the sandbox wrote its env file");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile)));

            CliRun check = CliRun.run(Map.of(), "check", "--env-file", envFile.toString());
            assertEquals(0, check.exitCode(), check.all());
            assertTrue(check.out().contains("All checks passed."), check.out());

            CliRun plan = CliRun.run(Map.of(), "--dry-run", "--env-file", envFile.toString());
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.out().contains("Plan: 5 to create, 2 to update, 2 missing (kept), 1 duplicate."),
                    plan.out());
        } finally {
            signals.simulate(ExitCodes.SIGTERM);
        }
        CliRun stopped = sandbox.get(60, TimeUnit.SECONDS);
        assertEquals(0, stopped.exitCode(), stopped.all());
        assertTrue(stopped.err().contains("hanko-sync sandbox: stopped"), stopped.err());
        assertFalse(Files.exists(envFile), "the env file goes with the sandbox");
        assertFalse(stopped.all().contains("SUPABASE_SECRET_KEY="), "the key is only in the file");
    }
}
