package dev.hankosync.cli;

import static dev.hankosync.cli.SandboxWorld.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.sandbox.HankoSandbox;
import dev.hankosync.supabase.SupabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code hanko-sync check} against both sandboxes: one ✓/✗ line per finding, exit 0 only when none failed. */
class CheckCommandTest extends SandboxEndToEnd {

    HankoSandbox hanko;

    @BeforeEach
    void startHanko() throws Exception {
        supabase.truncate();
        supabase.faults().resetCounters();
        hanko = HankoSandbox.start();
        hanko.seedDemo();
        supabase.insertRaw("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11", "a@example.com");
        supabase.insertRaw("6b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e12", "b@example.com");
    }

    @AfterEach
    void stopHanko() {
        hanko.close();
    }

    private CliRun check(String supabaseKey, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(env(hanko, supabase, supabaseKey), all);
    }

    @Test
    void aGoodSetupPassesEveryCheckAndWritesNothing() {
        CliRun run = check(supabase.keys().secretKey());
        assertEquals(0, run.exitCode(), run.all());
        assertLine(run, "✓ Hanko admin API at " + hanko.baseUrl() + " answered");
        assertLine(run, "✓ no API key needed");
        assertLine(run, "✓ 9 users in Hanko");
        assertLine(run, "✓ Supabase key: secret key (sb_sec…), acts as service_role");
        assertLine(run, "✓ Supabase REST API at " + supabase.url() + " answered and accepted the key");
        assertLine(run, "✓ table public.users exists: 2 rows");
        assertLine(run, "✓ columns id, user_id, email present");
        assertLine(run, "? unique constraint on user_id: not visible over the REST API without writing");
        assertTrue(run.out().contains("      " + SupabaseTarget.of(supabase.url(), "k").uniqueConstraintSql()), run.out());
        assertFalse(run.out().contains("✗"), run.out());
        assertTrue(run.out().strip().endsWith("All checks passed."), run.out());

        assertTrue(supabase.faults().requestCount("GET") > 0);
        assertEquals(0, supabase.faults().requestCount("POST") + supabase.faults().requestCount("PATCH")
                + supabase.faults().requestCount("DELETE"), "check must not write");
        assertFalse(run.all().contains(supabase.keys().secretKey()));
        assertTrue(hanko.requests().stream().allMatch(r -> r.contains("per_page=1")), hanko.requests().toString());
    }

    @Test
    void aLegacyServiceRoleJwtIsRecognisedByItsRoleClaim() {
        CliRun run = check(supabase.keys().serviceRoleKey());
        assertEquals(0, run.exitCode(), run.all());
        assertLine(run, "✓ Supabase key: legacy JWT key (eyJhbG…), acts as service_role");
        assertFalse(run.all().contains(supabase.keys().serviceRoleKey().substring(0, 20)), "no more than a prefix");
    }

    @Test
    void anAnonKeyFailsTheCheckAsSyncRefusesIt() {
        CliRun run = check(supabase.keys().anonKey());
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.all());
        assertLine(run, "✗ Supabase key: legacy JWT key (eyJhbG…) acts as anon, a key for browsers");
        assertTrue(run.out().contains("the sync refuses it"), run.out());
        assertFalse(run.all().contains(supabase.keys().anonKey()));
    }

    @Test
    void aPublishableKeyFailsTheCheckToo() {
        CliRun run = check(supabase.keys().publishableKey());
        assertLine(run, "✗ Supabase key: publishable key (sb_pub…) acts as anon");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.all());
    }

    @Test
    void aMissingTableFailsWithTheFix() {
        CliRun run = check(supabase.keys().secretKey(), "--table", "nope");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.all());
        assertLine(run, "✓ Supabase REST API at " + supabase.url() + " answered and accepted the key");
        assertLine(run, "✗ Supabase table public.nope does not exist");
        assertTrue(run.out().contains("pass --table / --schema"), run.out());
        assertFalse(run.out().contains("columns id"), "no column checks on a table that is not there");
    }

    @Test
    void aMissingColumnIsNamed() {
        CliRun run = check(supabase.keys().secretKey(), "--email-column", "mail");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.all());
        assertLine(run, "✓ table public.users exists");
        assertLine(run, "✗ table public.users lacks column mail: pass --user-id-column / --email-column");
    }

    @Test
    void anUnreachableHankoFailsAndSupabaseIsStillChecked() {
        CliRun run = check(supabase.keys().secretKey(), "--hanko-url", "http://127.0.0.1:1");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.all());
        assertLine(run, "✗ Hanko unreachable at 127.0.0.1:1");
        assertTrue(run.out().contains("check --hanko-url / HANKO_ADMIN_URL"), run.out());
        assertLine(run, "✓ columns id, user_id, email present");
    }

    @Test
    void aHankoThatWantsAKeyFailsWithWhereToPutIt() throws Exception {
        try (HankoSandbox cloud = HankoSandbox.start("hanko-cloud-key-0123456789")) {
            Map<String, String> env = new HashMap<>(env(cloud, supabase, supabase.keys().secretKey()));
            CliRun none = CliRun.run(env, "check");
            assertEquals(ExitCodes.RUNTIME_FAILURE, none.exitCode(), none.all());
            assertLine(none, "✗ Hanko requires an API key");

            env.put("HANKO_API_KEY", "wrong-key-0123456789abcdef");
            CliRun wrong = CliRun.run(env, "check");
            assertLine(wrong, "✗ Hanko rejected the API key");

            env.put("HANKO_API_KEY", "hanko-cloud-key-0123456789");
            CliRun right = CliRun.run(env, "check");
            assertEquals(0, right.exitCode(), right.all());
            assertLine(right, "✓ Hanko accepted the API key (hanko-…)");
            assertFalse(right.all().contains("hanko-cloud-key-0123456789"));
        }
    }

    @Test
    void everyMissingSettingIsListedInOneRun() {
        CliRun run = CliRun.run(Map.of(), "check");
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitCode(), run.all());
        assertLine(run, "✗ Hanko admin URL is not set: set HANKO_ADMIN_URL, pass --hanko-url");
        assertLine(run, "✗ Supabase URL is not set: set SUPABASE_URL");
        assertLine(run, "✗ Supabase key is not set: set SUPABASE_SERVICE_ROLE_KEY, set SUPABASE_SECRET_KEY");
        assertTrue(run.out().contains("3 checks failed"), run.out());
    }

    @Test
    void theLookupSqlCheckPrintsFindsTheConstraintOnceAdded() throws Exception {
        String lookup = SupabaseRestChecks.lookupSql(SupabaseTarget.of(supabase.url(), "k"));
        assertTrue(check(supabase.keys().secretKey()).out().contains("  " + lookup));
        assertFalse(query(lookup).stream().anyMatch(def -> def.contains("(user_id)")));
        supabase.truncate();
        supabase.addUniqueConstraint();
        try {
            assertTrue(query(lookup).stream().anyMatch(def -> def.contains("(user_id)")), query(lookup).toString());
        } finally {
            supabase.execute("alter table public.users drop constraint users_user_id_key");
        }
    }

    @Test
    void withADatabaseUrlTheCatalogAnswersTheConstraintQuestion() {
        Map<String, String> env = new HashMap<>();
        env.put("HANKO_ADMIN_URL", hanko.baseUrl());
        env.put("SUPABASE_DB_URL", supabase.jdbcUrl());
        CliRun run = CliRun.run(env, "check");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("Supabase database (--database-url)"), run.out());
        assertLine(run, "! no unique constraint on user_id");
        assertTrue(run.out().matches("(?s).*add it with: alter table .*users.* add constraint .* unique .*user_id.*"),
                run.out());
        assertFalse(run.out().contains("not visible over the REST API"), run.out());
    }

    private static List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = supabase.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static void assertLine(CliRun run, String start) {
        assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith(start)),
                "no line starting with '" + start + "' in:\n" + run.out() + run.err());
    }
}
