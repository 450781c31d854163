package dev.hankosync.sync;

/**
 * One line of the report's {@code rows}: a user or table row and what was done to it.
 *
 * @param previousEmail the email the row had before an update, else null
 * @param error         for {@code failed}: the database's code and message; for others null
 */
public record RowResult(Action action, String userId, String email, String previousEmail, String error) {}
