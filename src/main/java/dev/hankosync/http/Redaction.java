package dev.hankosync.http;

/**
 * Removes secrets from text that came from outside (an error body can echo a request header) before the text
 * goes into an exception message or a log line.
 */
public final class Redaction {

    public static final String MASK = "[REDACTED]";

    private Redaction() {
    }

    /** {@code text} with every occurrence of each non-blank secret replaced by {@link #MASK}. */
    public static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
