package dev.hankosync.supabase;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the values of an {@code in.(...)} filter over several requests so that every URL stays below a limit.
 * Gateways answer long URLs with 414 "URI too long" or a Cloudflare 520; supabase-js warns from 8,000 characters.
 */
final class InListChunker {

    static final int MAX_URL_LENGTH = 8000;

    private static final int OPENING = PostgrestEncoding.encodedLength("in.(");
    private static final int SEPARATOR = PostgrestEncoding.encodedLength(",");
    private static final int CLOSING = PostgrestEncoding.encodedLength(")");

    private InListChunker() {
    }

    /**
     * @param baseUrlLength the length of the URL with every other query parameter already in it
     * @param filterKey     the filter's parameter name, already percent-encoded
     * @param maxUrlLength  every resulting URL is shorter than this (a single value that alone exceeds it still
     *                      gets a request of its own: the server decides)
     */
    static List<List<String>> chunks(List<String> values, int baseUrlLength, String filterKey, int maxUrlLength) {
        // "?" or "&", the key and "=" come before the list.
        int fixed = baseUrlLength + 1 + filterKey.length() + 1 + OPENING + CLOSING;
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = fixed;
        for (String value : values) {
            int cost = PostgrestEncoding.encodedLength(PostgrestEncoding.quoteItem(value))
                    + (current.isEmpty() ? 0 : SEPARATOR);
            if (!current.isEmpty() && length + cost >= maxUrlLength) {
                chunks.add(current);
                current = new ArrayList<>();
                length = fixed;
                cost -= SEPARATOR;
            }
            current.add(value);
            length += cost;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
