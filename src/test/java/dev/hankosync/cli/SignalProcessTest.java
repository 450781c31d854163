package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real signals to a real process: {@code java dev.hankosync.cli.Main} on the test's own class path, against the
 * sandboxes, signalled while an insert is in flight. Proves the handlers are installed and that the process exits
 * with the documented code after printing its report.
 */
class SignalProcessTest extends SandboxEndToEnd {

    HankoSandbox hanko;

    @BeforeEach
    void reset() throws Exception {
        supabase.faults().clear();
        supabase.truncate();
        hanko = HankoSandbox.start();
        for (int i = 0; i < 40; i++) {
            hanko.addUserCreatedAt(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "p" + i + "@example.com");
        }
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
        supabase.faults().clear();
    }

    // Not Process.destroy(): it sends SIGTERM but also closes the pipes, and the report printed after it would be lost.
    @Test
    void sigtermExits143AfterPrintingTheReportOfWhatItWrote() throws Exception {
        runAndSignal("TERM", ExitCodes.SIGTERM);
    }

    @Test
    void sigintExits130AfterPrintingTheReportOfWhatItWrote() throws Exception {
        runAndSignal("INT", ExitCodes.SIGINT);
    }

    private static void send(String signal, Process process) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot send SIG" + signal, e);
        }
    }

    private void runAndSignal(String signal, int expectedExit) throws Exception {
        CountDownLatch insertArrived = new CountDownLatch(1);
        CountDownLatch signalSent = new CountDownLatch(1);
        // The second insert waits on the server until the signal is out: the signal lands while a write is in flight.
        supabase.faults().beforeRequest("POST", 2, () -> {
            insertArrived.countDown();
            await(signalSent);
        });
        Process process = start("--format", "json", "--batch-size", "5", "--concurrency", "1");
        Output stdout = Output.of(process.getInputStream());
        Output stderr = Output.of(process.getErrorStream());
        try {
            assertTrue(insertArrived.await(30, TimeUnit.SECONDS), "no insert arrived");
            send(signal, process);
            Thread.sleep(200); // the handler sets the stop request; then the insert may finish
            signalSent.countDown();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process did not end");
        } finally {
            signalSent.countDown();
            process.destroyForcibly();
        }

        String out = stdout.text();
        String err = stderr.text();
        assertEquals(expectedExit, process.exitValue(), err);
        JsonNode report = SandboxWorld.JSON.readTree(out);
        assertTrue(report.path("interrupted").asBoolean(), "stdout: " + out + "\nstderr: " + err);
        int created = report.path("counts").path("created").asInt();
        assertTrue(created >= 5 && created < 40, "stopped after the write in flight: " + report.path("counts"));
        assertEquals(created, supabase.rows().size(), "the report lists every row written");
        assertTrue(err.contains("interrupted; run again"), err);
    }

    private Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.hankosync.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("HANKO") || name.startsWith("SUPABASE"));
        env.putAll(FaultWorld.fastRetries(SandboxWorld.env(hanko, supabase, supabase.keys().secretKey())));
        return builder.start();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a stream on its own thread, so the child never blocks on a full pipe. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        private Output(InputStream in) {
            reader = new Thread(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException e) {
                    // the process was killed and its pipe closed: what was read so far is all there is
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Output of(InputStream in) {
            return new Output(in);
        }

        String text() throws InterruptedException {
            reader.join(5000);
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
