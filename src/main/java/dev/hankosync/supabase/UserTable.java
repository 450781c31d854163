package dev.hankosync.supabase;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The writes and reads the sync makes on the target table. Implementations throw {@code ApiException} for
 * failures of the whole call and {@link RowsRejectedException} when the database refused the data itself.
 */
public interface UserTable {

    /**
     * Reads every row with keyset paging on {@code id}, {@code pageSize} rows a request at most, handing each
     * page to {@code sink}; stops only on an empty page (the server may cap pages below pageSize).
     *
     * @return the number of requests made
     */
    int readAll(int pageSize, Consumer<List<TableRow>> sink);

    /**
     * Inserts the rows in one request. Never inserts a row twice, even when the request is retried after an
     * unknown outcome.
     *
     * @return the user ids this call inserted; rows that another writer (the app's sign-in route) inserted
     *     first are left out when the table has a unique constraint on the user id column
     * @throws RowsRejectedException when the database rejected the batch (nothing of it was written)
     */
    Set<String> insert(List<NewRow> rows);

    /** Sets the email of one row, filtered by its {@code id}. */
    void updateEmail(String rowId, String email);

    /**
     * Whether an insert of this table can end beside a row another writer (the app's sign-in route) inserted at
     * the same moment: true for a table without a unique constraint on the user id column, once an insert has
     * shown it. Then the sync counts the duplicates it may have left.
     */
    default boolean insertsCanDuplicate() {
        return false;
    }

    /** Deletes the rows with these {@code id}s; returns how many the server says it deleted. */
    int delete(Collection<String> rowIds);
}
