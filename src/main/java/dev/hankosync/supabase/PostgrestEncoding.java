package dev.hankosync.supabase;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Spells query parameters the way PostgREST parses them. Values are percent-encoded here, strictly (everything
 * but RFC 3986 unreserved characters), because PostgREST decodes {@code +} as a space: an email
 * {@code a+b@x.com} must travel as {@code a%2Bb%40x.com}.
 */
final class PostgrestEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PostgrestEncoding() {
    }

    /** Percent-encodes the UTF-8 bytes of {@code value}, keeping only {@code A-Z a-z 0-9 - . _ ~}. */
    static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** The length {@link #percentEncode} would produce, without building it. */
    static int encodedLength(String value) {
        int length = 0;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            length += isUnreserved(b & 0xff) ? 1 : 3;
        }
        return length;
    }

    /**
     * One {@code in.(...)} item, always quoted: inside quotes a backslash escapes the next character, and commas,
     * parentheses and dots lose their meaning. Unquoted, {@code a,b} would be two items.
     */
    static String quoteItem(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code in.("a","b")}, not yet percent-encoded. */
    static String inList(Collection<String> values) {
        return values.stream().map(PostgrestEncoding::quoteItem).collect(Collectors.joining(",", "in.(", ")"));
    }

    /**
     * A column name for {@code select=}, {@code columns=}, {@code on_conflict=} or a filter key. Plain names go as
     * they are; anything else is quoted so PostgREST does not read a dash, dot or comma as syntax.
     */
    static String fieldName(String column) {
        return column.matches("[A-Za-z0-9_$]+") ? column : quoteItem(column);
    }

    /** Comma-separated {@link #fieldName}s. */
    static String fieldList(String... columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(fieldName(column));
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
