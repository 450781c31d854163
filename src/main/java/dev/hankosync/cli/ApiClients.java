package dev.hankosync.cli;

import dev.hankosync.config.Settings;
import dev.hankosync.hanko.HankoAdminClient;
import dev.hankosync.http.HttpClients;
import dev.hankosync.http.HttpSettings;
import dev.hankosync.supabase.PostgrestUserTable;
import dev.hankosync.supabase.SupabaseTarget;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/** Builds the two API clients from the settings, sharing one OkHttp client (one pool, one retry policy). */
record ApiClients(HankoAdminClient hanko, PostgrestUserTable table) {

    static ApiClients create(Settings settings, Consumer<String> requestLog, Consumer<String> warnings) {
        HttpSettings http = new HttpSettings(settings.connectTimeout(), settings.readTimeout(),
                settings.callTimeout(), settings.maxRetries(), HttpSettings.DEFAULT_BASE_BACKOFF,
                HttpSettings.DEFAULT_MAX_BACKOFF, "hanko-sync/" + VersionProvider.version());
        OkHttpClient client = HttpClients.create(http, requestLog);
        HankoAdminClient hanko = new HankoAdminClient(client, settings.hankoAdminUrl(), settings.hankoApiKey());
        SupabaseTarget target = new SupabaseTarget(settings.supabaseUrl(), settings.supabaseKey(), settings.schema(),
                settings.table(), settings.userIdColumn(), settings.emailColumn());
        PostgrestUserTable table = new PostgrestUserTable(client, target, warnings);
        return new ApiClients(hanko, table);
    }
}
