package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;

/**
 * Every case of {@link SyncEndToEndTest} again, with the direct database target ({@code --database-url}) on the
 * same PostgreSQL instead of its REST API: both targets must reconcile the same worlds to the same tables.
 */
class SyncDatabaseEndToEndTest extends SyncEndToEndTest {

    @Override
    String[] target(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--database-url";
        all[args.length + 1] = supabase.jdbcUrl();
        return all;
    }

    /** Proof the cases ran against the database: the REST stand-in heard nothing. */
    @AfterEach
    void noRestRequestWasMade() {
        assertEquals(0, supabase.faults().requestCount(), "the database target made a REST request");
    }
}
