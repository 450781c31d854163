package dev.hankosync.http;

/**
 * Request tag that declares a POST (or any other method) safe to send twice, for example an upsert with
 * {@code on_conflict}. Set it with {@code new Request.Builder().tag(Idempotent.class, Idempotent.YES)}; only then
 * does {@link RetryInterceptor} retry a POST.
 */
public enum Idempotent {
    YES
}
