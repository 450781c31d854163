package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hankosync.sandbox.HankoSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known keys fed through every failure path, including hostile servers that echo the keys back in their answers,
 * with --verbose on; then stdout, stderr and the report file are searched for any piece of a key longer than the
 * short prefix the contract allows (a window of ten characters).
 */
class SecretsEndToEndTest extends SandboxEndToEnd {

    static final String HANKO_KEY = "hk_live_Zq8vN3mW7xR2pL5tY9bC4dF6";
    static final int WINDOW = 10;

    HankoSandbox hanko;
    Path reportFile;
    final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void seed(@TempDir Path dir) throws Exception {
        supabase.faults().clear();
        supabase.truncate();
        hanko = HankoSandbox.start(HANKO_KEY);
        hanko.seedDemo();
        reportFile = dir.resolve("report.json");
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
        supabase.faults().clear();
    }

    private List<String> supabaseKeys() {
        return List.of(supabase.keys().secretKey(), supabase.keys().serviceRoleKey());
    }

    private Map<String, String> env(String supabaseKey) {
        Map<String, String> env = new HashMap<>(FaultWorld.fastRetries(SandboxWorld.env(hanko, supabase, supabaseKey)));
        env.put("HANKO_API_KEY", HANKO_KEY);
        return env;
    }

    /** Runs sync (and check) with every Supabase key style, collecting everything they print and write. */
    private void runEveryWay(Consumer<Map<String, String>> changeEnv, String... args) throws IOException {
        runWithKeys(supabaseKeys(), changeEnv, args);
    }

    /** Runs sync (and check) with each of these Supabase keys. */
    private void runWithKeys(List<String> keys, Consumer<Map<String, String>> changeEnv, String... args)
            throws IOException {
        for (String key : keys) {
            Map<String, String> env = env(key);
            changeEnv.accept(env);
            List<String> all = new ArrayList<>(List.of("--verbose", "--report", reportFile.toString()));
            all.addAll(List.of(args));
            if (!all.contains("--max-retries")) {
                all.addAll(List.of("--max-retries", "1"));
            }
            collect(CliRun.run(env, all.toArray(String[]::new)));
            if (Files.exists(reportFile)) {
                outputs.add(Files.readString(reportFile));
                Files.delete(reportFile);
            }
            collect(CliRun.run(env, "check", "--verbose"));
        }
    }

    private void runEveryWay(String... args) throws IOException {
        runEveryWay(env -> { }, args);
    }

    private void collect(CliRun run) {
        outputs.add(run.out());
        outputs.add(run.err());
    }

    @AfterEach
    void noPieceOfAnyKeyWasPrinted() {
        List<String> keys = new ArrayList<>(supabaseKeys());
        keys.add(HANKO_KEY);
        keys.add(supabase.keys().anonKey());
        for (String output : outputs) {
            for (String key : keys) {
                for (int i = Math.max(0, publicPrefixLength(key) - WINDOW + 1); i + WINDOW <= key.length(); i++) {
                    String piece = key.substring(i, i + WINDOW);
                    if (output.contains(piece)) {
                        fail("a piece of a key (\"" + piece + "\", at " + i + ") was printed:\n" + output);
                    }
                }
            }
        }
        assertFalse(outputs.isEmpty());
    }

    /**
     * The part of a key that is the same for every key of its kind ({@code sb_secret_}, a JWT's header) and may be
     * named in help and messages; every window that reaches past it holds secret characters.
     */
    private static int publicPrefixLength(String key) {
        if (key.startsWith("sb_")) {
            return key.indexOf('_', 3) + 1;
        }
        return key.startsWith("eyJ") ? key.indexOf('.') + 1 : 0;
    }

    @Test
    void keysPastedIntoTheWrongSettingOrWithALineBreak() throws IOException {
        runEveryWay(env -> env.put("HANKO_ADMIN_URL", HANKO_KEY));
        runEveryWay(env -> env.put("SUPABASE_URL", env.getOrDefault("SUPABASE_SECRET_KEY",
                env.get("SUPABASE_SERVICE_ROLE_KEY"))));
        runEveryWay(env -> env.put("HANKO_API_KEY", HANKO_KEY + "\n" + HANKO_KEY));
        for (String key : supabaseKeys()) {
            CliRun run = CliRun.run(env(key), "--supabase-key", key + " trailing", "--verbose");
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            collect(run);
        }
    }

    @Test
    void rejectedKeysAndHostileServersEchoingThemInErrorBodies() throws IOException {
        hanko.setApiKey("another-key-entirely-0000000");
        runEveryWay();                                                   // Hanko's own 401
        hanko.setApiKey(HANKO_KEY);
        hanko.answerEveryNthRequest(1, 401, "{\"code\":401,\"message\":\"bad token: Bearer " + HANKO_KEY + "\"}");
        runEveryWay();
        hanko.clearFailures();
        hanko.answerEveryNthRequest(1, 404, "no route for Authorization: Bearer " + HANKO_KEY + "\n");
        runEveryWay();
        hanko.clearFailures();
        hanko.answerEveryNthRequest(1, 500, "<html><head><title>" + HANKO_KEY + "</title></head><body>"
                + HANKO_KEY.substring(3) + "</body></html>");
        runEveryWay();
        hanko.clearFailures();
        hanko.answerEveryNthRequest(1, 200, "[{\"id\":\"Bearer " + HANKO_KEY + "\"}]");
        runEveryWay();
        hanko.clearFailures();
        hanko.answerEveryNthRequest(1, 200, "{\"" + HANKO_KEY + "\":[");
        runEveryWay();
        hanko.clearFailures();
        hanko.replaceTotalCount("Bearer " + HANKO_KEY);
        runEveryWay();
    }

    @Test
    void supabaseEchoingItsKeyInEveryKindOfAnswer() throws IOException {
        for (String key : supabaseKeys()) {
            // a server can only echo the key it was sent: each answer is tried with the key it quotes
            List<String> sent = List.of(key);
            String echo = "apikey " + key + " / Bearer " + key.substring(0, key.length() - 3);
            supabase.faults().clear();
            supabase.faults().failEvery("*", 1, 401, null, "{\"message\":\"Invalid API key: " + echo + "\"}");
            runWithKeys(sent, env -> { });
            supabase.faults().clear();
            supabase.faults().failEvery("*", 1, 500, 0, "{\"code\":\"XX000\",\"message\":\"" + echo
                    + "\",\"details\":\"" + echo + "\",\"hint\":\"" + echo + "\"}");
            runWithKeys(sent, env -> { });
            supabase.faults().clear();
            supabase.faults().failEvery("GET", 1, 200, null, "[{\"id\":\"" + echo + "\",");
            runWithKeys(sent, env -> { });
            supabase.faults().clear();
            supabase.faults().failEvery("POST", 1, 400, null, "{\"code\":\"23502\",\"message\":\"null value: "
                    + echo + "\",\"details\":\"" + echo + "\"}");
            runWithKeys(sent, env -> { }, "--format", "json");       // rows failed, with the error in the report
            supabase.faults().clear();
            supabase.faults().failEvery("GET", 1, 520, 0, "<html><title>" + echo + "</title></html>");
            runWithKeys(sent, env -> { }, "--format", "json");
        }
    }

    @Test
    void timeoutsAndUnreachableHosts() throws IOException {
        supabase.faults().setLatency(Duration.ofMillis(1200));
        Map<String, String> env = env(supabase.keys().serviceRoleKey());
        collect(CliRun.run(env, "--verbose", "--read-timeout", "1", "--max-retries", "0"));
        supabase.faults().clear();
        runEveryWay(changed -> changed.put("HANKO_ADMIN_URL", "http://127.0.0.1:9"), "--max-retries", "0");
        runEveryWay(changed -> changed.put("SUPABASE_URL", "http://127.0.0.1:9"), "--max-retries", "0");
    }

    @Test
    void aSuccessfulVerboseRunAndItsReport() throws IOException {
        runEveryWay("--format", "json", "--list-unchanged");
        assertNotEquals(0, supabase.rows().size());
    }
}
