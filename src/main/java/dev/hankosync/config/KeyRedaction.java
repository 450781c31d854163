package dev.hankosync.config;

/**
 * Turns a key into text that is safe to print: at most its first six characters, then an ellipsis.
 * Six characters of a JWT ({@code eyJhbG}) or of an {@code sb_secret_} key say which kind of key it is,
 * which helps an operator, without giving away anything secret.
 */
public final class KeyRedaction {

    private static final int SHOWN_PREFIX = 6;
    // Below this length six characters would be a real share of the key, so nothing is shown.
    private static final int SHORTEST_WITH_PREFIX = 20;

    private KeyRedaction() {
    }

    /** {@code "(none)"} for null, otherwise a prefix of at most six characters followed by {@code …}. */
    public static String redact(String key) {
        if (key == null) {
            return "(none)";
        }
        if (key.length() < SHORTEST_WITH_PREFIX) {
            return "…";
        }
        return key.substring(0, SHOWN_PREFIX) + "…";
    }
}
