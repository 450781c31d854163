package dev.hankosync.supabase;

import static dev.hankosync.supabase.PostgrestEncoding.fieldName;
import static dev.hankosync.supabase.PostgrestEncoding.percentEncode;

import dev.hankosync.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Read-only questions about the target table for {@code hanko-sync check}, each one GET with {@code limit=0}, so
 * no row is transferred and nothing is written. Failures are the same {@link ApiException}s the sync would meet,
 * with the same one-line advice (table missing, key rejected, schema not exposed, ...).
 *
 * <p>What it cannot tell: whether the user id column has a unique constraint. PostgREST shows constraints only by
 * using them, in an insert with {@code on_conflict}, and that is a write.
 */
public final class TableProbe {

    private final SupabaseTarget target;
    private final PostgrestCalls calls;

    public TableProbe(OkHttpClient http, SupabaseTarget target) {
        this.target = Objects.requireNonNull(target, "target");
        this.calls = new PostgrestCalls(Objects.requireNonNull(http, "http"), target, new SupabaseErrors(target));
    }

    /**
     * {@code GET <table>?limit=0} with {@code Prefer: count=exact}: proves the server answers, the key is
     * accepted and the table exists, and returns its number of rows from {@code Content-Range} ({@code *}/N), or
     * -1 when the server sent no count.
     */
    public long rowCount() {
        HttpUrl url = target.tableUrl().newBuilder().addEncodedQueryParameter("limit", "0").build();
        return calls.execute(calls.reading(url).get().header("Prefer", "count=exact").build(), false,
                TableProbe::total);
    }

    /**
     * The columns among {@code id} (keyset paging needs it), the user id column and the email column that the
     * table lacks: one {@code select=<column>&limit=0} each, since PostgREST names only the first missing column
     * of a select.
     */
    public List<String> missingColumns() {
        List<String> missing = new ArrayList<>();
        for (String column : List.of(TableUrls.ROW_ID_COLUMN, target.userIdColumn(), target.emailColumn())) {
            HttpUrl url = target.tableUrl().newBuilder()
                    .addEncodedQueryParameter("select", percentEncode(fieldName(column)))
                    .addEncodedQueryParameter("limit", "0")
                    .build();
            try {
                calls.execute(calls.reading(url).get().build(), false, response -> null);
            } catch (ApiException e) {
                if (e.status() != 400 || !("42703".equals(e.code()) || "PGRST204".equals(e.code()))) {
                    throw e;
                }
                missing.add(column);
            }
        }
        return missing;
    }

    private static long total(Response response) {
        String range = response.header("Content-Range");
        int slash = range == null ? -1 : range.lastIndexOf('/');
        if (slash < 0) {
            return -1;
        }
        try {
            return Long.parseLong(range.substring(slash + 1).strip());
        } catch (NumberFormatException unknown) {
            return -1; // "*": the server did not count
        }
    }
}
