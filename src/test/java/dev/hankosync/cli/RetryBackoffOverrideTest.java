package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hankosync.http.HttpSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryBackoffOverrideTest {

    @Test
    void aWholeNumberOfMillisecondsReplacesTheDefault() {
        assertEquals(Duration.ofMillis(5), RetryBackoffOverride.from(Map.of("HANKO_SYNC_RETRY_BACKOFF_MS", " 5 ")));
        assertEquals(Duration.ZERO, RetryBackoffOverride.from(Map.of("HANKO_SYNC_RETRY_BACKOFF_MS", "0")));
    }

    @Test
    void anythingElseLeavesTheDefault() {
        for (String value : new String[] {"", "fast", "-1", "60001", "1.5"}) {
            assertEquals(HttpSettings.DEFAULT_BASE_BACKOFF,
                    RetryBackoffOverride.from(Map.of("HANKO_SYNC_RETRY_BACKOFF_MS", value)), value);
        }
        assertEquals(HttpSettings.DEFAULT_BASE_BACKOFF, RetryBackoffOverride.from(Map.of()));
    }
}
