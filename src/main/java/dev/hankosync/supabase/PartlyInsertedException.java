package dev.hankosync.supabase;

import dev.hankosync.http.ApiException;
import java.util.Set;

/**
 * An insert gave up, but a re-read had shown that some of its rows were written by a try whose answer was lost.
 * Those rows are in the table, so whoever reports the run must list them as created before reporting the failure.
 */
public final class PartlyInsertedException extends ApiException {

    private final Set<String> inserted;

    PartlyInsertedException(ApiException failure, Set<String> inserted) {
        super(failure.api(), failure.status(), failure.code(), failure.getMessage());
        initCause(failure);
        this.inserted = Set.copyOf(inserted);
    }

    /** The user ids of the rows that were written before the insert gave up. */
    public Set<String> inserted() {
        return inserted;
    }
}
