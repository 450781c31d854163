package dev.hankosync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.SupabaseSandbox;
import dev.hankosync.supabase.TableRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers for end-to-end tests: run the CLI against the two sandboxes and read the results. */
final class SandboxWorld {

    static final ObjectMapper JSON = new ObjectMapper();

    private SandboxWorld() {}

    static Map<String, String> env(HankoSandbox hanko, SupabaseSandbox supabase, String supabaseKey) {
        Map<String, String> env = new HashMap<>();
        env.put("HANKO_ADMIN_URL", hanko.baseUrl());
        env.put("SUPABASE_URL", supabase.url());
        env.put(supabaseKey.startsWith("sb_") ? "SUPABASE_SECRET_KEY" : "SUPABASE_SERVICE_ROLE_KEY", supabaseKey);
        return env;
    }

    static CliRun sync(HankoSandbox hanko, SupabaseSandbox supabase, String... args) {
        return CliRun.run(env(hanko, supabase, supabase.keys().secretKey()), args);
    }

    static CliRun syncJson(HankoSandbox hanko, SupabaseSandbox supabase, String... args) {
        String[] all = Stream.concat(Stream.of("--format", "json"), Stream.of(args)).toArray(String[]::new);
        return sync(hanko, supabase, all);
    }

    static JsonNode json(CliRun run) {
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not one JSON document: " + run.out() + run.err(), e);
        }
    }

    /** user_id → emails of its rows. */
    static Map<String, List<String>> table(SupabaseSandbox supabase) {
        Map<String, List<String>> byUser = new HashMap<>();
        for (TableRow row : supabase.rows()) {
            byUser.computeIfAbsent(row.userId(), k -> new ArrayList<>()).add(row.email());
        }
        return byUser;
    }

    static long count(JsonNode report, String action) {
        return report.path("counts").path(action).asLong(-1);
    }
}
