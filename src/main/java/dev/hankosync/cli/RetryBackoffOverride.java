package dev.hankosync.cli;

import dev.hankosync.http.HttpSettings;
import java.time.Duration;
import java.util.Map;

/**
 * An undocumented environment variable, {@code HANKO_SYNC_RETRY_BACKOFF_MS}, that sets the wait before a first retry
 * (500 ms by default). The fault-injection tests set it to a few milliseconds so that hundreds of injected failures
 * cost no time; an operator facing a slow gateway could raise it. Anything but a whole number from 0 to 60000 is
 * ignored: this is no place for a configuration error.
 */
final class RetryBackoffOverride {

    static final String VARIABLE = "HANKO_SYNC_RETRY_BACKOFF_MS";
    private static final long MAX_MILLIS = 60_000;

    private RetryBackoffOverride() {}

    static Duration from(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value != null) {
            try {
                long millis = Long.parseLong(value.strip());
                if (millis >= 0 && millis <= MAX_MILLIS) {
                    return Duration.ofMillis(millis);
                }
            } catch (NumberFormatException ignored) {
                // falls back to the default
            }
        }
        return HttpSettings.DEFAULT_BASE_BACKOFF;
    }
}
