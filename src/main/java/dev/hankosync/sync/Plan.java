package dev.hankosync.sync;

import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.TableRow;
import java.util.List;

/**
 * What the reconciler decided, before anything is written.
 *
 * @param creates    users with no row
 * @param updates    rows whose email differs from the user's
 * @param unchanged  rows already right (kept only for {@code --list-unchanged}, else empty)
 * @param unchangedCount how many rows are already right
 * @param duplicates users with several rows (one entry per user; none of their rows is touched)
 * @param missing    rows whose user id is not a Hanko user (confirmed absent before the plan was made)
 */
public record Plan(
        List<NewRow> creates,
        List<Update> updates,
        List<TableRow> unchanged,
        long unchangedCount,
        List<Duplicate> duplicates,
        List<TableRow> missing) {

    /** A row whose email is to change. */
    public record Update(String rowId, String userId, String previousEmail, String email) {}

    /** A Hanko user with more than one row. */
    public record Duplicate(String userId, String email, int rowCount) {}
}
