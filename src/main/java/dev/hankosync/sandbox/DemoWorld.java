package dev.hankosync.sandbox;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Both stand-ins, started together and seeded with a small world holding every case the sync reports: rows
 * that are right, rows with an old email, users with no row (one of them username-only, one with a {@code +}
 * in the address), a user with two rows, and rows of users Hanko does not know. Optionally many more
 * synthetic users, a share of them already in the table, for sizing runs.
 *
 * <p>The table is the guide's, without a unique constraint, so the duplicate can exist.
 */
public final class DemoWorld implements AutoCloseable {

    private final HankoSandbox hanko;
    private final SupabaseSandbox supabase;

    private DemoWorld(HankoSandbox hanko, SupabaseSandbox supabase) {
        this.hanko = hanko;
        this.supabase = supabase;
    }

    /**
     * @param extraUsers synthetic Hanko users added to the demo world
     * @param extraRows  how many of them already have their row
     */
    public static DemoWorld start(int extraUsers, int extraRows) throws IOException {
        HankoSandbox hanko = HankoSandbox.start();
        SupabaseSandbox supabase;
        try {
            supabase = new SupabaseSandbox(SupabaseSandboxKeys.generate(), false);
        } catch (IOException | RuntimeException e) {
            hanko.close();
            throw e;
        }
        DemoWorld world = new DemoWorld(hanko, supabase);
        try {
            world.seed(extraUsers, extraRows);
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
        return world;
    }

    private void seed(int extraUsers, int extraRows) {
        List<HankoSandboxUser> users = hanko.seedDemo();
        HankoSandboxUser alice = users.get(0);
        HankoSandboxUser bob = users.get(1);
        HankoSandboxUser carol = users.get(2);
        HankoSandboxUser erin = users.get(5);
        supabase.insertRaw(alice.id(), alice.expectedEmail());            // unchanged
        supabase.insertRaw(bob.id(), "bob@old-address.example");           // updated
        supabase.insertRaw(carol.id(), "carol@old-company.example");       // updated: primary changed
        supabase.insertRaw(erin.id(), erin.expectedEmail());               // duplicate:
        supabase.insertRaw(erin.id(), erin.expectedEmail());               //   two rows for one user
        supabase.insertRaw("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11", "mallory@example.com"); // missing: not in Hanko
        supabase.insertRaw("deleted-user-42", "trent@example.com");       // missing: not even a UUID

        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (Connection c = supabase.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into public.users (user_id, email) values (?, ?)")) {
            for (int i = 0; i < extraUsers; i++) {
                String email = "user" + i + "@example.com";
                HankoSandboxUser user = hanko.addUser(new HankoSandboxUser(new UUID(0x5eed_0000L, i).toString(),
                        start.plusSeconds(i), start.plusSeconds(i),
                        List.of(new HankoSandboxEmail(new UUID(0xe3a1_0000L, i).toString(), email, true, true,
                                start.plusSeconds(i), start.plusSeconds(i))), null));
                if (i < extraRows) {
                    insert.setString(1, user.id());
                    insert.setString(2, email);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the sandbox table: " + e.getMessage(), e);
        }
    }

    public String hankoUrl() {
        return hanko.baseUrl();
    }

    public String supabaseUrl() {
        return supabase.url();
    }

    /** A new-style secret key the sandbox accepts. */
    public String supabaseKey() {
        return supabase.keys().secretKey();
    }

    public HankoSandbox hanko() {
        return hanko;
    }

    public SupabaseSandbox supabase() {
        return supabase;
    }

    @Override
    public void close() {
        try {
            hanko.close();
        } finally {
            supabase.close();
        }
    }
}
