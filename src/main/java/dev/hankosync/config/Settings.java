package dev.hankosync.config;

import java.time.Duration;

/**
 * The resolved, validated configuration of one run. URLs carry no trailing slash, so clients can append
 * paths such as {@code /users}.
 *
 * <p>{@code hankoApiKey} is null when the admin API needs no auth (self-hosted). {@code hankoAdminUrl},
 * {@code supabaseUrl} and {@code supabaseKey} are null only in settings loaded with
 * {@link SettingsLoader#loadAllowingMissing}, which {@code demo} uses before pointing them at the
 * sandbox with {@link #withHanko} and {@link #withSupabase}.
 *
 * <p>{@link #toString()} redacts both keys, so a Settings printed or logged by accident leaks nothing.
 */
public record Settings(
        String hankoAdminUrl,
        String hankoApiKey,
        String supabaseUrl,
        String supabaseKey,
        String schema,
        String table,
        String userIdColumn,
        String emailColumn,
        int pageSize,
        boolean deleteMissing,
        int maxDelete,
        int batchSize,
        int concurrency,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRetries) {

    /**
     * The defaults of every optional setting with the given endpoints, for the sandbox and for tests.
     * The endpoint values are taken as they are, without validation.
     */
    public static Settings withDefaults(String hankoAdminUrl, String hankoApiKey,
                                        String supabaseUrl, String supabaseKey) {
        Settings defaults = new SettingsLoader().loadAllowingMissing(ConfigSources.none()).settings();
        return defaults.withHanko(hankoAdminUrl, hankoApiKey).withSupabase(supabaseUrl, supabaseKey);
    }

    /** A copy talking to another Hanko admin API (the sandbox's, in {@code demo}); not validated. */
    public Settings withHanko(String adminUrl, String apiKey) {
        return new Settings(adminUrl, apiKey, supabaseUrl, supabaseKey, schema, table, userIdColumn,
                emailColumn, pageSize, deleteMissing, maxDelete, batchSize, concurrency, connectTimeout,
                readTimeout, callTimeout, maxRetries);
    }

    /** A copy talking to another Supabase REST endpoint (the sandbox's, in {@code demo}); not validated. */
    public Settings withSupabase(String url, String key) {
        return new Settings(hankoAdminUrl, hankoApiKey, url, key, schema, table, userIdColumn,
                emailColumn, pageSize, deleteMissing, maxDelete, batchSize, concurrency, connectTimeout,
                readTimeout, callTimeout, maxRetries);
    }

    @Override
    public String toString() {
        return "Settings[hankoAdminUrl=" + hankoAdminUrl
                + ", hankoApiKey=" + KeyRedaction.redact(hankoApiKey)
                + ", supabaseUrl=" + supabaseUrl
                + ", supabaseKey=" + KeyRedaction.redact(supabaseKey)
                + ", schema=" + schema
                + ", table=" + table
                + ", userIdColumn=" + userIdColumn
                + ", emailColumn=" + emailColumn
                + ", pageSize=" + pageSize
                + ", deleteMissing=" + deleteMissing
                + ", maxDelete=" + maxDelete
                + ", batchSize=" + batchSize
                + ", concurrency=" + concurrency
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout
                + ", maxRetries=" + maxRetries
                + "]";
    }
}
