package dev.hankosync.config;

import java.util.Collection;

/**
 * Decides whether a bad value may be quoted in an error message. A value meant for one setting can be a
 * key pasted into the wrong place (a Supabase key as SUPABASE_URL is a classic), so anything that looks
 * like a key, or equals or contains one of the configured keys, is not shown.
 */
final class DisplayedValue {

    private static final int LONGEST_SHOWN = 200;
    private static final int SHORTEST_KEY_COMPARED = 8;

    private final Collection<String> keys;

    DisplayedValue(Collection<String> keys) {
        this.keys = keys;
    }

    /** {@code " \"value\""} when it is safe to show, otherwise the empty string. */
    String quoted(String value) {
        return maybeShown(value) ? " \"" + value + "\"" : "";
    }

    /** Like {@link #quoted} but only for values that are shaped like a URL. */
    /** A URL is shown only without user info, query or fragment: any of them may carry a key. */
    String quotedUrl(String value) {
        boolean mayHoldSecrets = value.contains("@") || value.contains("?") || value.contains("#");
        return value.contains("://") && !mayHoldSecrets ? quoted(value) : "";
    }

    private boolean maybeShown(String value) {
        if (value.length() > LONGEST_SHOWN || looksLikeKey(value)) {
            return false;
        }
        for (String key : keys) {
            if (key.length() >= SHORTEST_KEY_COMPARED && value.contains(key)) {
                return false;
            }
        }
        return true;
    }

    // JWTs (Supabase legacy keys) start with eyJ; new Supabase keys with sb_secret_ / sb_publishable_.
    private static boolean looksLikeKey(String value) {
        return value.startsWith("eyJ") || value.startsWith("sb_");
    }
}
