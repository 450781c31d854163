package dev.hankosync.supabase;

/**
 * One row of the target table as read back.
 *
 * @param rowId  the row's {@code id} column as text (bigint or uuid: the sync never interprets it)
 * @param userId the user id column (may be null in a hand-edited table)
 * @param email  the email column (may be null)
 */
public record TableRow(String rowId, String userId, String email) {}
