package dev.hankosync.cli;

import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.sandbox.HankoSandboxUser;
import dev.hankosync.sandbox.SupabaseSandbox;
import dev.hankosync.supabase.TableRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small world with every kind of row a sync meets, sized so that each run makes a few dozen requests: enough
 * for every-Nth-request faults to hit pages, table reads, inserts, updates and deletes.
 *
 * <p>Hanko: 26 users with their own created_at, 10 sharing one (the list shuffles them on every request) and one
 * username-only user. The table: 8 rows already right, 5 with an old email, 2 orphans whose users do not exist.
 * So a full run creates 24 rows, updates 5, and with {@code --delete-missing} deletes 2.
 *
 * @param users   every Hanko user, listed ones only
 * @param before  the table as seeded
 * @param orphans user ids of the seeded rows that have no Hanko user
 */
record FaultWorld(List<HankoSandboxUser> users, List<TableRow> before, List<String> orphans) {

    static final int CREATES = 24;
    static final int UPDATES = 5;

    static FaultWorld seed(HankoSandbox hanko, SupabaseSandbox supabase) {
        List<HankoSandboxUser> users = new ArrayList<>();
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        for (int i = 0; i < 26; i++) {
            users.add(hanko.addUserCreatedAt(start.plusSeconds(i), "user" + i + "@example.com",
                    "user" + i + "+alt@example.com"));
        }
        for (int i = 0; i < 10; i++) {
            users.add(hanko.addUserCreatedAt(start.plusSeconds(100), "tied" + i + "@import.example.com"));
        }
        users.add(hanko.addUsernameUser("no_email_user"));

        for (int i = 0; i < 8; i++) {
            supabase.insertRaw(users.get(i * 4).id(), users.get(i * 4).expectedEmail());
        }
        for (int i = 0; i < 5; i++) {
            HankoSandboxUser user = users.get(i * 4 + 1);
            supabase.insertRaw(user.id(), "old-" + i + "@example.com");
        }
        List<String> orphans = List.of("0e0c7a5e-9b7f-4d1a-8c55-2f1e7e3b9a01", "1f1d8b6f-ac80-4e2b-9d66-3a2f8f4cab12");
        orphans.forEach(id -> supabase.insertRaw(id, "gone@example.com"));
        return new FaultWorld(List.copyOf(users), supabase.rows(), orphans);
    }

    /**
     * Runs the command against both sandboxes with the Supabase secret key, waiting only 2 ms before a first retry
     * (the undocumented {@link RetryBackoffOverride}), so hundreds of injected failures cost no time.
     */
    static CliRun sync(HankoSandbox hanko, SupabaseSandbox supabase, String... args) {
        return CliRun.run(fastRetries(SandboxWorld.env(hanko, supabase, supabase.keys().secretKey())), args);
    }

    /** {@code env} plus the short retry wait. */
    static Map<String, String> fastRetries(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put(RetryBackoffOverride.VARIABLE, "2");
        return all;
    }

    /**
     * The flags every fault run uses: small pages and batches (many requests), deletion on, retries enough for every
     * injected fault. A flag given in {@code more} (with its value, if
     * it takes one) replaces the default one.
     */
    static String[] args(String... more) {
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        flags.put("--format", "json");
        flags.put("--page-size", "7");
        flags.put("--batch-size", "4");
        flags.put("--max-delete", "5");
        flags.put("--max-retries", "6");
        for (int i = 0; i < more.length; i++) {
            boolean hasValue = i + 1 < more.length && !more[i + 1].startsWith("--");
            flags.put(more[i], hasValue ? more[++i] : null);
        }
        List<String> all = new ArrayList<>(List.of("--delete-missing"));
        flags.forEach((flag, value) -> {
            all.add(flag);
            if (value != null) {
                all.add(value);
            }
        });
        return all.toArray(String[]::new);
    }
}
