package dev.hankosync.supabase;

import dev.hankosync.http.ApiException;
import dev.hankosync.http.Idempotent;
import dev.hankosync.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Inserts a batch so that no row is ever written twice by us.
 *
 * <p>First choice is an upsert that ignores duplicates ({@code on_conflict=<uid>}): safe to retry, and what comes
 * back is exactly what was inserted. A table without a unique constraint on the user id column answers 42P10;
 * from then on this falls back to plain inserts. A plain insert is not idempotent, so when its outcome is unknown
 * (connection lost, timeout, 5xx, 429) it re-reads which user ids of the batch now exist and inserts only the rest.
 */
final class RowInserter {

    static final int MAX_ATTEMPTS = 4;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final MediaType JSON = MediaType.get("application/json");

    private final PostgrestCalls calls;
    private final TableUrls urls;
    private final SupabaseTarget target;
    private final Consumer<String> warnings;
    private final Sleeper sleeper;
    private final AtomicBoolean plainInserts = new AtomicBoolean();

    RowInserter(PostgrestCalls calls, TableUrls urls, SupabaseTarget target, Consumer<String> warnings,
                Sleeper sleeper) {
        this.calls = calls;
        this.urls = urls;
        this.target = target;
        this.warnings = warnings;
        this.sleeper = sleeper;
    }

    boolean usesPlainInserts() {
        return plainInserts.get();
    }

    Set<String> insert(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        if (!plainInserts.get()) {
            try {
                return post(rows, true);
            } catch (ApiException e) {
                if (e.status() != 400 || !"42P10".equals(e.code())) {
                    throw e;
                }
                if (plainInserts.compareAndSet(false, true)) {
                    warnings.accept("Supabase table " + target.qualifiedTable() + " has no unique constraint on column "
                            + target.userIdColumn() + ": inserts fall back to plain inserts, which can duplicate a row"
                            + " the app's sign-in route inserts at the same moment. `hanko-sync check` prints the SQL"
                            + " that adds the constraint.");
                }
            }
        }
        return insertPlain(rows);
    }

    private Set<String> insertPlain(List<NewRow> rows) {
        List<NewRow> remaining = rows;
        Set<String> inserted = new LinkedHashSet<>();
        boolean outcomeUnknown = false;
        for (int attempt = 1; ; attempt++) {
            try {
                if (outcomeUnknown) {
                    // The lost request may have committed: whatever of the batch exists now is not sent again.
                    Set<String> present = existingUserIds(remaining);
                    List<NewRow> missing = new ArrayList<>();
                    for (NewRow row : remaining) {
                        if (present.contains(row.userId())) {
                            inserted.add(row.userId());
                        } else {
                            missing.add(row);
                        }
                    }
                    remaining = missing;
                    if (remaining.isEmpty()) {
                        return inserted;
                    }
                }
                inserted.addAll(post(remaining, false));
                return inserted;
            } catch (ApiException e) {
                if (!isOutcomeUnknown(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                outcomeUnknown = true;
                pause(backoff(attempt));
            }
        }
    }

    private Set<String> post(List<NewRow> rows, boolean onConflict) {
        HttpUrl url = urls.insert(onConflict);
        byte[] body = PostgrestJson.rowsBody(rows, target.userIdColumn(), target.emailColumn());
        Request.Builder request = calls.writing(url)
                .post(onConflict ? RequestBody.create(body, JSON) : new OneShotJsonBody(body));
        if (onConflict) {
            request.header("Prefer", "resolution=ignore-duplicates,return=representation");
            request.tag(Idempotent.class, Idempotent.YES);
        } else {
            request.header("Prefer", "return=representation");
        }
        return calls.execute(request.build(), true,
                response -> PostgrestJson.readColumn(response.body().byteStream(), target.userIdColumn()));
    }

    private Set<String> existingUserIds(List<NewRow> rows) {
        List<String> ids = rows.stream().map(NewRow::userId).distinct().toList();
        Set<String> present = new LinkedHashSet<>();
        for (HttpUrl url : urls.userIdsIn(ids)) {
            present.addAll(calls.execute(calls.reading(url).get().build(), false,
                    response -> PostgrestJson.readColumn(response.body().byteStream(), target.userIdColumn())));
        }
        return present;
    }

    /** No answer, a gateway or server error, or throttling: the insert may or may not have committed. */
    private static boolean isOutcomeUnknown(ApiException e) {
        return e.status() == -1 || e.status() == 429 || e.status() >= 500;
    }

    private static Duration backoff(int attempt) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(SupabaseErrors.API, "interrupted while waiting to retry an insert into "
                    + target.qualifiedTable(), e);
        }
    }
}
