package dev.hankosync.cli;

import dev.hankosync.sandbox.SupabaseSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * End-to-end tests against a Supabase sandbox (a real PostgreSQL behind the PostgREST stand-in), one per test
 * class: starting it takes a second or two, so the tests of a class share it and reset the table themselves.
 */
abstract class SandboxEndToEnd {

    static SupabaseSandbox supabase;

    @BeforeAll
    static void startSupabase() throws Exception {
        supabase = SupabaseSandbox.start();
    }

    @AfterAll
    static void stopSupabase() {
        supabase.close();
    }
}
