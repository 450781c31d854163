package dev.hankosync.config;

/**
 * A setting's raw text and where it came from, e.g. {@code "--page-size"}, {@code "SUPABASE_URL"} or
 * {@code "sync.page.size in app.properties"}. The origin goes into error messages so the operator knows
 * what to fix; the value itself is shown only when it cannot be a key.
 */
record ResolvedValue(String text, String origin) {
}
