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
 * <p>{@code databaseUrl} is the PostgreSQL connection string as given (it may hold a password); when it is set the
 * target is that database and {@code supabaseUrl} and {@code supabaseKey} may be null. {@code databasePassword}
 * is {@code PGPASSWORD} (from the environment or the env file), only when a database URL is set; a password in the
 * URL wins over it, as with libpq.
 *
 * <p>{@link #toString()} redacts both keys and the database URL and password, so a Settings printed or logged by
 * accident leaks nothing.
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
        int maxRetries,
        String databaseUrl,
        String databasePassword) {

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
                readTimeout, callTimeout, maxRetries, databaseUrl, databasePassword);
    }

    /**
     * A copy talking to another Supabase REST endpoint (the sandbox's, in {@code demo}); not validated. The database
     * URL is dropped, so the REST endpoint is the target: a {@code SUPABASE_DB_URL} in the environment must not
     * turn the demo's writes to a real database.
     */
    public Settings withSupabase(String url, String key) {
        return new Settings(hankoAdminUrl, hankoApiKey, url, key, schema, table, userIdColumn,
                emailColumn, pageSize, deleteMissing, maxDelete, batchSize, concurrency, connectTimeout,
                readTimeout, callTimeout, maxRetries, null, null);
    }

    /** A copy writing to this database instead of the REST API (tests, benchmarks); not validated. */
    public Settings withDatabase(String url, String password) {
        return new Settings(hankoAdminUrl, hankoApiKey, supabaseUrl, supabaseKey, schema, table, userIdColumn,
                emailColumn, pageSize, deleteMissing, maxDelete, batchSize, concurrency, connectTimeout,
                readTimeout, callTimeout, maxRetries, url, password);
    }

    /** Whether the target is the database ({@link #databaseUrl}) rather than the REST API. */
    public boolean targetsDatabase() {
        return databaseUrl != null;
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
                // Not even a prefix: the URL's host and user are harmless, but its password may sit anywhere in it.
                + ", databaseUrl=" + (databaseUrl == null ? "(none)" : "(set, redacted)")
                + ", databasePassword=" + (databasePassword == null ? "(none)" : "(set, redacted)")
                + "]";
    }
}
