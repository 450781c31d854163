package dev.hankosync.cli;

import dev.hankosync.sync.SyncListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The progress display on a terminal's stderr: one line per phase, redrawn in place with a carriage return, e.g.
 * {@code hanko-sync: creating 800 rows [#########-----------] 400/800 50% 200/s ETA 2s}; without a known total
 * it shows the count and rate. When the next phase starts the line is left standing with its final numbers, so
 * the scrollback shows what each phase did. Warnings and request logs are printed above the line.
 *
 * <p>Hand-drawn with carriage returns and padding rather than a library: it needs no terminal size or native
 * access, works the same in every terminal, and draws at most ten times a second so a fast run is not slowed.
 */
final class TerminalProgress implements SyncListener {

    static final Duration REDRAW_INTERVAL = Duration.ofMillis(100);
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final Clock clock;
    private String phase;
    private Instant phaseStart;
    private long done;
    private long total = -1;
    private Instant lastDraw;
    private int lastLength;

    TerminalProgress(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void phase(String name) {
        finish();
        phase = name;
        phaseStart = clock.instant();
        done = 0;
        total = -1;
        draw();
    }

    @Override
    public synchronized void progress(long done, long total) {
        this.done = done;
        this.total = total;
        Instant now = clock.instant();
        if (lastDraw == null || Duration.between(lastDraw, now).compareTo(REDRAW_INTERVAL) >= 0
                || (total > 0 && done >= total)) {
            draw();
        }
    }

    @Override
    public void warning(String message) {
        printAbove("hanko-sync: warning: " + message);
    }

    /** A line that must stay (a warning, a request log): printed where the bar was, then the bar again below it. */
    synchronized void printAbove(String line) {
        if (phase != null) {
            err.print('\r' + " ".repeat(lastLength) + '\r');
        }
        err.println(line);
        lastLength = 0;
        if (phase != null) {
            draw();
        } else {
            err.flush();
        }
    }

    /** Leaves the current phase's line standing with its final numbers; call when the run ends. */
    synchronized void finish() {
        if (phase != null) {
            draw();
            err.println();
            err.flush();
            phase = null;
            lastLength = 0;
        }
    }

    private void draw() {
        lastDraw = clock.instant();
        String line = line(phase, done, total, Duration.between(phaseStart, lastDraw));
        // padding wipes the rest of a longer line drawn before, without terminal-specific escape codes
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        err.print('\r' + line + padding);
        err.flush();
        lastLength = line.length();
    }

    static String line(String phase, long done, long total, Duration elapsed) {
        StringBuilder line = new StringBuilder("hanko-sync: ").append(phase);
        double seconds = elapsed.toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        if (total > 0) {
            long shown = Math.min(done, total);
            int filled = (int) (BAR_WIDTH * shown / total);
            line.append(" [").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(number(shown)).append('/').append(number(total))
                    .append(' ').append(100 * shown / total).append('%');
        } else if (done > 0) {
            line.append(' ').append(number(done));
        }
        if (done > 0 && rate > 0) {
            line.append(' ').append(number(Math.round(rate))).append("/s");
            if (total > 0 && done < total) {
                line.append(" ETA ").append(duration(Math.round((total - done) / rate)));
            }
        }
        return line.toString();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
