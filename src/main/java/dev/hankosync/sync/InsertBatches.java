package dev.hankosync.sync;

import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.PartlyInsertedException;
import dev.hankosync.supabase.RowsRejectedException;
import dev.hankosync.supabase.UserTable;
import java.util.List;
import java.util.Set;

/**
 * Inserts rows in batches and, when the database rejects a batch, splits it in halves until the offending rows
 * stand alone. PostgREST runs one INSERT per request, so a rejected batch wrote nothing and its good rows can
 * be sent again; the bad ones end as {@code failed} with the database's own code and message.
 */
final class InsertBatches {

    /** Receives the outcome of each row exactly once. */
    interface Outcome {
        void created(NewRow row);

        /** The row was already there when it arrived (the app's sign-in route inserted it meanwhile). */
        void alreadyPresent(NewRow row);

        void failed(NewRow row, String error);
    }

    private final UserTable table;
    private final int batchSize;

    InsertBatches(UserTable table, int batchSize) {
        this.table = table;
        this.batchSize = batchSize;
    }

    void insertAll(List<NewRow> rows, Outcome outcome, Runnable betweenRequests) {
        for (int from = 0; from < rows.size(); from += batchSize) {
            betweenRequests.run();
            insert(rows.subList(from, Math.min(rows.size(), from + batchSize)), outcome, betweenRequests);
        }
    }

    private void insert(List<NewRow> batch, Outcome outcome, Runnable betweenRequests) {
        Set<String> inserted;
        try {
            inserted = table.insert(batch);
        } catch (PartlyInsertedException e) {
            // the insert gave up, but some of its rows are in the table: they are reported before the failure
            for (NewRow row : batch) {
                if (e.inserted().contains(row.userId())) {
                    outcome.created(row);
                }
            }
            throw e;
        } catch (RowsRejectedException e) {
            if (batch.size() == 1) {
                outcome.failed(batch.get(0), e.code() + ": " + e.detail());
                return;
            }
            int half = batch.size() / 2;
            insert(batch.subList(0, half), outcome, betweenRequests);
            betweenRequests.run();
            insert(batch.subList(half, batch.size()), outcome, betweenRequests);
            return;
        }
        for (NewRow row : batch) {
            if (inserted.contains(row.userId())) {
                outcome.created(row);
            } else {
                outcome.alreadyPresent(row);
            }
        }
    }
}
