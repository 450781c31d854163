package dev.hankosync.http;

/**
 * Removes secrets from text that came from outside (an error body can echo a request header) before the text
 * goes into an exception message or a log line.
 *
 * <p>Not only whole secrets: a message that quotes a shortened value ("an id that is not a UUID: \"Bearer
 * sb_secret_AbC…\"") or a body cut at 200 characters can hold a piece of one. So every run of at least
 * {@link #SHORTEST_FRAGMENT} characters that also occurs in a secret is masked. A short prefix of a key, as
 * {@code config.KeyRedaction} shows it, stays below that length. The part every key of a kind shares
 * ({@code sb_publishable_}, a JWT's header) is no secret: a run of text inside it alone ("publishable") is left be.
 */
public final class Redaction {

    public static final String MASK = "[REDACTED]";

    /** Eight characters of a random key are already too many to show; six say which kind of key it is. */
    static final int SHORTEST_FRAGMENT = 8;

    private Redaction() {
    }

    /** {@code text} with every whole secret, and every piece of one at least eight characters long, masked. */
    public static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                any |= markPieces(text, secret, masked);
            }
        }
        return any ? replaceMarked(text, masked) : text;
    }

    /** Marks each run of text that also occurs in the secret, is long enough to matter, and holds secret characters. */
    private static boolean markPieces(String text, String secret, boolean[] masked) {
        int shortest = Math.min(secret.length(), SHORTEST_FRAGMENT);
        int shared = sharedPrefixLength(secret);
        boolean any = false;
        for (int i = 0; i + shortest <= text.length(); i++) {
            for (int j = 0; j + shortest <= secret.length(); j++) {
                int length = 0;
                while (i + length < text.length() && j + length < secret.length()
                        && text.charAt(i + length) == secret.charAt(j + length)) {
                    length++;
                }
                if (length >= shortest && j + length > shared) {
                    java.util.Arrays.fill(masked, i, i + length, true);
                    any = true;
                }
            }
        }
        return any;
    }

    /** The part of a key that every key of its kind starts with: {@code sb_secret_}, a JWT's header; else none. */
    private static int sharedPrefixLength(String secret) {
        if (secret.startsWith("sb_")) {
            return secret.indexOf('_', 3) + 1;
        }
        return secret.startsWith("eyJ") ? secret.indexOf('.') + 1 : 0;
    }

    /** One mask for each run of marked characters. */
    private static String replaceMarked(String text, boolean[] masked) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }
}
