package dev.hankosync.supabase;

import dev.hankosync.http.ApiException;
import dev.hankosync.http.HttpSettings;
import dev.hankosync.http.Sleeper;
import java.io.InterruptedIOException;
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

/**
 * Inserts a batch so that no row is ever written twice by us, and so that every row this call wrote is in its
 * answer, even when an answer was lost.
 *
 * <p>First choice is an upsert that ignores duplicates ({@code on_conflict=<uid>}): safe to repeat, and what comes
 * back is exactly what was inserted. A table without a unique constraint on the user id column answers 42P10;
 * from then on this falls back to plain inserts, and before each one re-reads which user ids of the batch exist
 * by now: the app's sign-in route may have inserted some since the table was read (during a long scan of Hanko),
 * and without a constraint a second row would stand beside its row. That leaves a window of one round trip.
 *
 * <p>When the outcome of either kind of insert is unknown (connection lost, timeout, 5xx, 429, or a 2xx answer that
 * broke off or could not be read) it re-reads which user ids of the batch exist now, counts those as written by
 * the lost request, and sends only the rest. This is also why the upsert is not left to the HTTP layer's
 * retries: a repeated upsert would answer {@code []} for rows the lost try wrote, and the report would call
 * rows created by this run "unchanged".
 *
 * <p>A plain insert that timed out may still be running on the server: PostgREST does not cancel a statement when
 * the client goes away, and a re-read made too soon would miss rows that commit a moment later, which would then be
 * inserted twice. So after a timeout the re-read waits {@link #TIMED_OUT_WRITE_SETTLE}, longer than Supabase lets a
 * statement run (8 s for the API roles). The upsert needs no such wait: it cannot duplicate.
 */
final class RowInserter {

    /** Tries of one insert unless told otherwise: as many as the HTTP layer gives any other request. */
    static final int MAX_ATTEMPTS = HttpSettings.DEFAULT_MAX_RETRIES + 1;
    static final Duration FIRST_BACKOFF = HttpSettings.DEFAULT_BASE_BACKOFF;
    static final Duration TIMED_OUT_WRITE_SETTLE = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final MediaType JSON = MediaType.get("application/json");

    private final PostgrestCalls calls;
    private final TableUrls urls;
    private final SupabaseTarget target;
    private final Consumer<String> warnings;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final AtomicBoolean plainInserts = new AtomicBoolean();

    /**
     * @param maxAttempts  tries of one insert (and of the reads that resolve it), at least one
     * @param firstBackoff the wait before the second try; it doubles on each later one, up to 8 s
     */
    RowInserter(PostgrestCalls calls, TableUrls urls, SupabaseTarget target, Consumer<String> warnings,
                Sleeper sleeper, int maxAttempts, Duration firstBackoff) {
        this.calls = calls;
        this.urls = urls;
        this.target = target;
        this.warnings = warnings;
        this.sleeper = sleeper;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = firstBackoff;
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
                return insertResolvingUnknownOutcomes(rows, true);
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
        return insertResolvingUnknownOutcomes(rows, false);
    }

    /**
     * @param upsert whether to send {@code on_conflict} (safe to repeat) or a plain insert (checked against the
     *               table right before it is sent)
     */
    private Set<String> insertResolvingUnknownOutcomes(List<NewRow> rows, boolean upsert) {
        List<NewRow> remaining = rows;
        Set<String> inserted = new LinkedHashSet<>();
        boolean checkFirst = !upsert;
        boolean outcomeUnknown = false;
        for (int attempt = 1; ; attempt++) {
            boolean sent = false;
            try {
                if (checkFirst) {
                    // Rows another writer added since the table was read: not ours, and not to be added again.
                    remaining = absent(remaining, null);
                    checkFirst = false;
                }
                if (outcomeUnknown) {
                    // The lost request may have committed: whatever of the batch exists now, it wrote.
                    remaining = absent(remaining, inserted);
                }
                if (remaining.isEmpty()) {
                    return inserted;
                }
                sent = true;
                inserted.addAll(post(remaining, upsert));
                return inserted;
            } catch (ApiException e) {
                if (!isOutcomeUnknown(e) || attempt >= maxAttempts) {
                    throw inserted.isEmpty() ? e : new PartlyInsertedException(e, inserted);
                }
                // only a failed insert leaves rows that may be ours; a failed read wrote nothing
                outcomeUnknown |= sent;
                Duration wait = backoff(attempt);
                if (sent && !upsert && timedOut(e) && wait.compareTo(TIMED_OUT_WRITE_SETTLE) < 0) {
                    wait = TIMED_OUT_WRITE_SETTLE;
                }
                pause(wait);
            }
        }
    }

    /** The rows whose user id has no row yet; the ids that have one go into {@code present} when it is given. */
    private List<NewRow> absent(List<NewRow> rows, Set<String> present) {
        Set<String> existing = existingUserIds(rows);
        List<NewRow> missing = new ArrayList<>();
        for (NewRow row : rows) {
            if (!existing.contains(row.userId())) {
                missing.add(row);
            } else if (present != null) {
                present.add(row.userId());
            }
        }
        return missing;
    }

    private Set<String> post(List<NewRow> rows, boolean onConflict) {
        HttpUrl url = urls.insert(onConflict);
        byte[] body = PostgrestJson.rowsBody(rows, target.userIdColumn(), target.emailColumn());
        // One-shot either way: repeating an insert is this class's decision, made after a re-read, never the HTTP
        // layer's (see the class comment).
        Request.Builder request = calls.writing(url).post(new OneShotJsonBody(body));
        if (onConflict) {
            request.header("Prefer", "resolution=ignore-duplicates,return=representation");
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

    /**
     * No answer, a gateway or server error, throttling, or a success whose answer broke off or was not the expected
     * JSON: the insert may or may not have committed.
     */
    private static boolean isOutcomeUnknown(ApiException e) {
        return e.status() == -1 || e.status() == 429 || e.status() >= 500
                || (e.status() >= 200 && e.status() < 300);
    }

    /** Whether the request timed out: it may have reached the server and still be running there. */
    private static boolean timedOut(ApiException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) { // SocketTimeoutException is one too
                return true;
            }
        }
        return false;
    }

    private Duration backoff(int attempt) {
        Duration delay = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
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
