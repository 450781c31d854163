package dev.hankosync.supabase;

/** A row to insert: the user id and the email (null for username-only users). */
public record NewRow(String userId, String email) {}
