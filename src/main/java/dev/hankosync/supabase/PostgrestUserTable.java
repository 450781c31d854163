package dev.hankosync.supabase;

import dev.hankosync.http.ApiException;
import dev.hankosync.http.HttpSettings;
import dev.hankosync.http.Sleeper;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The target table over Supabase's REST layer (PostgREST). */
public final class PostgrestUserTable implements UserTable {

    private static final MediaType JSON = MediaType.get("application/json");

    private final SupabaseTarget target;
    private final PostgrestCalls calls;
    private final TableUrls urls;
    private final RowInserter inserter;

    public PostgrestUserTable(OkHttpClient http, SupabaseTarget target) {
        this(http, target, warning -> { }, Sleeper.REAL);
    }

    /** @param warnings receives one line when the table turns out to lack a unique constraint on the user id */
    public PostgrestUserTable(OkHttpClient http, SupabaseTarget target, Consumer<String> warnings) {
        this(http, target, warnings, Sleeper.REAL);
    }

    /** @param sleeper waits between the tries of an insert whose outcome was unknown */
    public PostgrestUserTable(OkHttpClient http, SupabaseTarget target, Consumer<String> warnings, Sleeper sleeper) {
        this(http, target, warnings, sleeper, RowInserter.MAX_ATTEMPTS - 1, RowInserter.FIRST_BACKOFF);
    }

    /**
     * @param sleeper     waits between the tries of an insert whose outcome was unknown
     * @param retryPolicy how often and how soon to try such an insert again: its {@code maxRetries} and
     *                    {@code baseBackoff}, the same as the HTTP layer uses for every other request
     */
    public PostgrestUserTable(OkHttpClient http, SupabaseTarget target, Consumer<String> warnings, Sleeper sleeper,
                              HttpSettings retryPolicy) {
        this(http, target, warnings, sleeper, retryPolicy.maxRetries(), retryPolicy.baseBackoff());
    }

    private PostgrestUserTable(OkHttpClient http, SupabaseTarget target, Consumer<String> warnings, Sleeper sleeper,
                               int maxRetries, Duration firstRetryBackoff) {
        this.target = Objects.requireNonNull(target, "target");
        this.calls = new PostgrestCalls(Objects.requireNonNull(http, "http"), target, new SupabaseErrors(target));
        this.urls = new TableUrls(target);
        this.inserter = new RowInserter(calls, urls, target, Objects.requireNonNull(warnings, "warnings"),
                Objects.requireNonNull(sleeper, "sleeper"), maxRetries + 1,
                Objects.requireNonNull(firstRetryBackoff, "backoff"));
    }

    /** True once an upsert met a table without a unique constraint on the user id column (42P10). */
    public boolean usesPlainInserts() {
        return inserter.usesPlainInserts();
    }

    @Override
    public boolean insertsCanDuplicate() {
        return usesPlainInserts();
    }

    @Override
    public int readAll(int pageSize, Consumer<List<TableRow>> sink) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
        int requests = 0;
        long read = 0;
        long[] total = {-1};
        String lastRowId = null;
        while (true) {
            HttpUrl url = urls.page(pageSize, lastRowId);
            Request.Builder request = calls.reading(url).get();
            if (lastRowId == null) {
                request.header("Prefer", "count=exact"); // the first page says how many rows there are
            }
            List<TableRow> page = calls.execute(request.build(), false, response -> {
                if (total[0] < 0) {
                    total[0] = totalOf(response.header("Content-Range"));
                }
                return PostgrestJson.readRows(response.body().byteStream(), target.userIdColumn(),
                        target.emailColumn());
            });
            requests++;
            // The server silently caps pages (1000 rows on Supabase), so a page shorter than pageSize proves
            // nothing: the scan ends on an empty page, or once it has read the count the first page gave. Rows
            // deleted meanwhile only mean reading on to the empty page; rows added meanwhile are the app's, and
            // the inserts that follow already allow for them.
            if (page.isEmpty()) {
                return requests;
            }
            read += page.size();
            String next = page.get(page.size() - 1).rowId();
            if (next == null) {
                throw new ApiException(SupabaseErrors.API, 200, null, "Supabase GET " + url.encodedPath()
                        + " returned a row without an id; keyset paging needs the id column");
            }
            sink.accept(page);
            lastRowId = next;
            if (total[0] >= 0 && read >= total[0]) {
                return requests;
            }
        }
    }

    /** N from {@code Content-Range: 0-999/N}; -1 when there is none ({@code *}) or it is not a number. */
    private static long totalOf(String contentRange) {
        int slash = contentRange == null ? -1 : contentRange.lastIndexOf('/');
        if (slash < 0) {
            return -1;
        }
        try {
            return Long.parseLong(contentRange.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public Set<String> insert(List<NewRow> rows) {
        return inserter.insert(rows);
    }

    @Override
    public void updateEmail(String rowId, String email) {
        requireRowId(rowId);
        HttpUrl url = urls.row(rowId);
        calls.execute(calls.writing(url)
                .patch(RequestBody.create(PostgrestJson.objectBody(target.emailColumn(), email), JSON))
                .header("Prefer", "return=minimal")
                .build(), true, response -> null);
    }

    @Override
    public int delete(Collection<String> rowIds) {
        if (rowIds.isEmpty()) {
            return 0; // an unfiltered DELETE would empty the table
        }
        rowIds.forEach(PostgrestUserTable::requireRowId);
        int deleted = 0;
        for (HttpUrl url : urls.rowIdsIn(List.copyOf(rowIds))) {
            deleted += calls.execute(calls.writing(url).delete()
                    .header("Prefer", "return=minimal,count=exact")
                    .build(), true, PostgrestUserTable::affectedCount);
        }
        return deleted;
    }

    /** The number after the slash of {@code Content-Range} (a DELETE answers with a star, a slash and N). */
    private static int affectedCount(Response response) {
        String range = response.header("Content-Range");
        int slash = range == null ? -1 : range.lastIndexOf('/');
        if (slash >= 0) {
            try {
                return Integer.parseInt(range.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new ApiException(SupabaseErrors.API, response.code(), null, "Supabase " + response.request().method()
                + " " + response.request().url().encodedPath() + " answered HTTP " + response.code()
                + " without a count in Content-Range (got " + (range == null ? "none" : "'" + range + "'") + ")");
    }

    private static void requireRowId(String rowId) {
        if (rowId == null || rowId.isBlank()) {
            throw new IllegalArgumentException("a row id is required: PATCH and DELETE always carry a filter");
        }
    }
}
