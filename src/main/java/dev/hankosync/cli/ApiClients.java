package dev.hankosync.cli;

import dev.hankosync.config.ConfigException;
import dev.hankosync.config.Settings;
import dev.hankosync.hanko.HankoAdminClient;
import dev.hankosync.http.HttpClients;
import dev.hankosync.http.HttpSettings;
import dev.hankosync.http.Sleeper;
import dev.hankosync.postgres.DatabaseTable;
import dev.hankosync.postgres.DatabaseUrl;
import dev.hankosync.postgres.InvalidDatabaseUrlException;
import dev.hankosync.postgres.PostgresUserTable;
import dev.hankosync.supabase.PostgrestUserTable;
import dev.hankosync.supabase.SupabaseTarget;
import dev.hankosync.supabase.UserTable;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Builds the Hanko client and the target table from the settings: the REST API, or the database when a database
 * URL is set. Both HTTP clients share one OkHttp client (one pool, one retry policy). Close it after the run: the
 * database target holds a connection.
 */
record ApiClients(HankoAdminClient hanko, UserTable table) implements AutoCloseable {

    /**
     * @param dryRun       opens the database target read-only, a second guard besides the engine sending no writes
     * @param retryBackoff the wait before a first retry (it doubles on each later one), for requests and for inserts
     *                     whose outcome was unknown; {@link RetryBackoffOverride} lets the fault tests shorten it
     */
    static ApiClients create(Settings settings, boolean dryRun, Duration retryBackoff, Consumer<String> requestLog,
                             Consumer<String> warnings) {
        // throws ConfigException when the database URL cannot be used, before any connection is made
        HttpSettings http = new HttpSettings(settings.connectTimeout(), settings.readTimeout(),
                settings.callTimeout(), settings.maxRetries(), retryBackoff,
                HttpSettings.DEFAULT_MAX_BACKOFF, "hanko-sync/" + VersionProvider.version());
        OkHttpClient client = HttpClients.create(http, requestLog);
        HankoAdminClient hanko = new HankoAdminClient(client, settings.hankoAdminUrl(), settings.hankoApiKey(),
                warnings);
        if (settings.targetsDatabase()) {
            return new ApiClients(hanko, new PostgresUserTable(databaseUrl(settings), new DatabaseTable(
                    settings.schema(), settings.table(), settings.userIdColumn(), settings.emailColumn()),
                    dryRun, warnings));
        }
        SupabaseTarget target = new SupabaseTarget(settings.supabaseUrl(), settings.supabaseKey(), settings.schema(),
                settings.table(), settings.userIdColumn(), settings.emailColumn());
        return new ApiClients(hanko, new PostgrestUserTable(client, target, warnings, Sleeper.REAL, http));
    }

    /** The settings' database URL with the password from PGPASSWORD and the connection timeouts. */
    static DatabaseUrl databaseUrl(Settings settings) {
        try {
            return DatabaseUrl.parse(settings.databaseUrl(), settings.databasePassword())
                    .withTimeouts(settings.connectTimeout(), settings.callTimeout());
        } catch (InvalidDatabaseUrlException e) {
            throw new ConfigException("invalid database URL: " + e.getMessage());
        }
    }

    /** Closes the database connection, if the target has one. */
    @Override
    public void close() {
        if (table instanceof PostgresUserTable database) {
            database.close();
        }
    }
}
