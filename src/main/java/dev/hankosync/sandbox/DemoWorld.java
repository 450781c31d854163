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
    private List<HankoSandboxUser> demoUsers = List.of();
    private int extraRows;
    private boolean uniqueUserId;

    private DemoWorld(HankoSandbox hanko, SupabaseSandbox supabase) {
        this.hanko = hanko;
        this.supabase = supabase;
    }

    /**
     * @param extraUsers synthetic Hanko users added to the demo world
     * @param extraRows  how many of them already have their row
     */
    public static DemoWorld start(int extraUsers, int extraRows) throws IOException {
        return start(extraUsers, extraRows, false);
    }

    /**
     * @param uniqueUserId give the table the recommended unique constraint on user_id (then the world has no
     *                     duplicate row)
     */
    public static DemoWorld start(int extraUsers, int extraRows, boolean uniqueUserId) throws IOException {
        HankoSandbox hanko = HankoSandbox.start();
        SupabaseSandbox supabase;
        try {
            supabase = new SupabaseSandbox(SupabaseSandboxKeys.generate(), uniqueUserId);
        } catch (IOException | RuntimeException e) {
            hanko.close();
            throw e;
        }
        DemoWorld world = new DemoWorld(hanko, supabase);
        world.uniqueUserId = uniqueUserId;
        try {
            world.seed(extraUsers, extraRows);
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
        return world;
    }

    private void seed(int extraUsers, int extraRows) {
        demoUsers = hanko.seedDemo();
        this.extraRows = extraRows;
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < extraUsers; i++) {
            Instant at = start.plusSeconds(i);
            hanko.addUser(new HankoSandboxUser(syntheticId(i), at, at, List.of(new HankoSandboxEmail(
                    new UUID(0xe3a1_0000L, i).toString(), syntheticEmail(i), true, true, at, at)), null));
        }
        seedTable();
    }

    /** Puts the table back as it was seeded: for runs that must start from the same state. */
    public void resetTable() {
        supabase.truncate();
        seedTable();
    }

    private void seedTable() {
        HankoSandboxUser alice = demoUsers.get(0);
        HankoSandboxUser bob = demoUsers.get(1);
        HankoSandboxUser carol = demoUsers.get(2);
        HankoSandboxUser erin = demoUsers.get(5);
        supabase.insertRaw(alice.id(), alice.expectedEmail());            // unchanged
        supabase.insertRaw(bob.id(), "bob@old-address.example");           // updated
        supabase.insertRaw(carol.id(), "carol@old-company.example");       // updated: primary changed
        supabase.insertRaw(erin.id(), erin.expectedEmail());               // duplicate:
        if (!uniqueUserId) {
            supabase.insertRaw(erin.id(), erin.expectedEmail());           //   two rows for one user
        }
        supabase.insertRaw("5b3b1e4e-1c50-4d5e-9d43-0b5f2c6a7e11", "mallory@example.com"); // missing: not in Hanko
        supabase.insertRaw("deleted-user-42", "trent@example.com");       // missing: not even a UUID

        try (Connection c = supabase.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into public.users (user_id, email) values (?, ?)")) {
            for (int i = 0; i < extraRows; i++) {
                insert.setString(1, syntheticId(i));
                insert.setString(2, syntheticEmail(i));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the sandbox table: " + e.getMessage(), e);
        }
    }

    private static String syntheticId(int i) {
        return new UUID(0x5eed_0000L, i).toString();
    }

    private static String syntheticEmail(int i) {
        return "user" + i + "@example.com";
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
