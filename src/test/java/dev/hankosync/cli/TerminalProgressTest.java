package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-03T16:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StringWriter screen = new StringWriter();
    private final HandClock clock = new HandClock();
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(screen), clock);

    @Test
    void aKnownTotalDrawsABarWithPercentRateAndEta() {
        assertEquals("hanko-sync: creating 800 rows [##########----------] 400/800 50% 200/s ETA 2s",
                TerminalProgress.line("creating 800 rows", 400, 800, Duration.ofSeconds(2)));
    }

    @Test
    void anUnknownTotalShowsTheCountAndRate() {
        assertEquals("hanko-sync: scanning Hanko users 4,500 1,500/s",
                TerminalProgress.line("scanning Hanko users", 4500, -1, Duration.ofSeconds(3)));
        assertEquals("hanko-sync: reading table users", TerminalProgress.line("reading table users", 0, -1,
                Duration.ZERO));
    }

    @Test
    void etaReadsInMinutesAndHours() {
        assertEquals("59s", TerminalProgress.duration(59));
        assertEquals("1m05s", TerminalProgress.duration(65));
        assertEquals("2h03m", TerminalProgress.duration(2 * 3600 + 3 * 60 + 9));
    }

    @Test
    void redrawsInPlaceAtMostTenTimesASecond() {
        progress.phase("creating 100 rows");
        int drawsBefore = count(screen.toString(), '\r');
        progress.progress(1, 100);
        progress.progress(2, 100); // within 100 ms of the last draw: skipped
        clock.advance(Duration.ofMillis(150));
        progress.progress(3, 100);
        String text = screen.toString();
        assertEquals(drawsBefore + 1, count(text, '\r'), text);
        assertTrue(text.endsWith("3/100 3% 20/s ETA 5s"), text);
        assertFalse(text.contains("\n"), "one line redrawn, not a line per update: " + text);
    }

    @Test
    void theLastUpdateOfAPhaseIsAlwaysDrawnAndLeftStanding() {
        progress.phase("creating 2 rows");
        clock.advance(Duration.ofSeconds(1));
        progress.progress(1, 2);
        progress.progress(2, 2); // complete: drawn although within the interval
        progress.phase("updating 1 rows");
        progress.finish();
        String[] lines = screen.toString().split("\n");
        assertEquals(2, lines.length, screen.toString());
        assertTrue(lines[0].endsWith("[####################] 2/2 100% 2/s"), lines[0]);
        assertTrue(lines[1].endsWith("hanko-sync: updating 1 rows"), lines[1]);
    }

    @Test
    void aWarningIsPrintedAboveTheBarWhichIsDrawnAgain() {
        progress.phase("scanning Hanko users");
        progress.warning("Hanko scan incomplete");
        String text = screen.toString();
        int warning = text.indexOf("hanko-sync: warning: Hanko scan incomplete\n");
        assertTrue(warning > 0, text);
        assertTrue(text.substring(warning).contains("\rhanko-sync: scanning Hanko users"), text);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }
}
