package dev.hankosync.cli;

import dev.hankosync.config.KeyRedaction;
import dev.hankosync.http.ApiException;
import dev.hankosync.supabase.SupabaseKeyStyle;
import dev.hankosync.supabase.SupabaseTarget;
import dev.hankosync.supabase.TableProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The Supabase side of {@code check} over the REST API: the key's style and role (read from the key), then
 * reachability, key, table and row count (one GET), then the columns (one GET each), all with {@code limit=0}.
 * Whether the user id column has a unique constraint cannot be seen without writing; the check says so and prints
 * the SQL to look it up and to add it.
 */
final class SupabaseRestChecks {

    /** Codes meaning the server and key are fine but the table (or its schema) is not there to be read. */
    private static final Set<String> TABLE_NOT_FOUND = Set.of("PGRST205", "42P01", "PGRST106");

    private SupabaseRestChecks() {}

    static List<CheckLine> run(OkHttpClient http, SupabaseTarget target) {
        List<CheckLine> lines = new ArrayList<>();
        lines.add(keyStyle(target.key()));

        TableProbe probe = new TableProbe(http, target);
        long start = System.nanoTime();
        long rows;
        try {
            rows = probe.rowCount();
        } catch (ApiException e) {
            if (e.code() != null && TABLE_NOT_FOUND.contains(e.code())) {
                lines.add(answered(target, start));
                lines.add(CheckLine.fail(e.getMessage()));
            } else {
                String fix = e.status() < 0 ? "; check --supabase-url / SUPABASE_URL" : "";
                lines.add(CheckLine.fail(e.getMessage() + fix));
            }
            return lines;
        }
        lines.add(answered(target, start));
        lines.add(CheckLine.pass("table " + target.qualifiedTable() + " exists: "
                + (rows < 0 ? "the server did not count its rows" : String.format(Locale.ROOT, "%,d", rows)
                + (rows == 1 ? " row" : " rows"))));

        try {
            List<String> missing = probe.missingColumns();
            List<String> needed = List.of("id", target.userIdColumn(), target.emailColumn());
            lines.add(missing.isEmpty()
                    ? CheckLine.pass("columns " + String.join(", ", needed) + " present")
                    : CheckLine.fail("table " + target.qualifiedTable() + " lacks column" + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing) + ": pass --user-id-column / --email-column if yours are named"
                            + " differently (id is the guide's primary key, which paging needs); after adding a column,"
                            + " reload PostgREST's schema cache: NOTIFY pgrst, 'reload schema';"));
        } catch (ApiException e) {
            lines.add(CheckLine.fail(e.getMessage()));
        }

        lines.add(CheckLine.unknown("unique constraint on " + target.userIdColumn() + ": not visible over the REST"
                + " API without writing, so not checked", List.of(
                "Without it the sync works and warns; with it, inserts cannot collide with your app's sign-in route.",
                "Look for it in the SQL editor (a unique index on (" + target.userIdColumn() + ")):",
                "  " + lookupSql(target),
                "Add it:",
                "  " + target.uniqueConstraintSql(),
                "(check with --database-url reads it from the catalog instead)")));
        return lines;
    }

    private static CheckLine answered(SupabaseTarget target, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        return CheckLine.pass("Supabase REST API at " + target.url() + " answered and accepted the key (" + millis
                + " ms)");
    }

    static CheckLine keyStyle(String key) {
        SupabaseKeyStyle style = SupabaseKeyStyle.of(key);
        String shown = style.style().description() + " (" + KeyRedaction.redact(key) + ")";
        if (style.privileged()) {
            return CheckLine.pass("Supabase key: " + shown + ", acts as " + style.role());
        }
        String useInstead = " Use the service_role key or a secret key (Project Settings > API Keys).";
        if (style.browserKey()) {
            // a failure, as sync refuses such a key: check passing would promise a run that cannot happen
            return CheckLine.fail("Supabase key: " + shown + " acts as anon, a key for browsers: row-level security"
                    + " decides what it may read and write, and the sync refuses it." + useInstead);
        }
        return switch (style.style()) {
            case LEGACY_JWT -> CheckLine.warn("Supabase key: " + shown + (style.role() == null
                    ? " has no role that can be read" : " acts as " + style.role()) + "; the sync needs service_role."
                    + useInstead);
            default -> CheckLine.warn("Supabase key: " + shown + " is neither a JWT (eyJ...) nor a secret key"
                    + " (sb_secret_...)." + useInstead);
        };
    }

    /** Lists the table's unique indexes (every unique constraint has one); the definition names the column. */
    static String lookupSql(SupabaseTarget target) {
        return "select indexdef from pg_indexes where schemaname = '" + target.schema().replace("'", "''")
                + "' and tablename = '" + target.table().replace("'", "''") + "' and indexdef like 'CREATE UNIQUE%';";
    }
}
