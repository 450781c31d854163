package dev.hankosync.http;

import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/** Builds the one OkHttp client the tool uses for both APIs. */
public final class HttpClients {

    private HttpClients() {
    }

    public static OkHttpClient create(HttpSettings settings) {
        return create(settings, null, Sleeper.REAL);
    }

    /** @param requestLog receives one line per try and per retry (for {@code --verbose}), or null for silence */
    public static OkHttpClient create(HttpSettings settings, Consumer<String> requestLog) {
        return create(settings, requestLog, Sleeper.REAL);
    }

    /** @param sleeper how to wait between retries; tests pass one that does not wait */
    public static OkHttpClient create(HttpSettings settings, Consumer<String> requestLog, Sleeper sleeper) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // OkHttp would otherwise silently resend any request, a POST included, after a connection
                // failure; RetryInterceptor decides instead, knowing which requests are safe to repeat
                .retryOnConnectionFailure(false)
                .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
                .addInterceptor(new RetryInterceptor(settings, sleeper, requestLog));
        if (requestLog != null) {
            // after the retry interceptor, so every try is logged, not only the last
            builder.addInterceptor(new RequestLogger(requestLog));
        }
        return builder.build();
    }
}
