package dev.hankosync.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Column names in {@code select=}, {@code columns=}, {@code on_conflict=}, {@code order=} and filter keys: plain
 * ({@code user_id}, surrounding blanks dropped) or quoted ({@code "user id"}, a backslash escapes the next character).
 */
final class PostgrestNames {

    private PostgrestNames() {
    }

    /** A comma-separated list of names. */
    static List<String> list(String value, String parameter) throws PostgrestException {
        List<String> names = new ArrayList<>();
        for (String item : splitTopLevel(value)) {
            String[] name = leadingName(item);
            if (!name[1].isBlank() || name[0].isEmpty()) {
                throw PostgrestException.badQuery("\"failed to parse " + parameter + " parameter (" + value + ")\"",
                        "expecting a column name (* or [a..z0..9_$])");
            }
            names.add(name[0]);
        }
        return names;
    }

    /** A filter key. */
    static String single(String key) throws PostgrestException {
        String[] name = leadingName(key);
        if (!name[1].isBlank() || name[0].isEmpty()) {
            throw PostgrestException.badQuery("\"failed to parse tree path (" + key + ")\"", "expecting a column name");
        }
        return name[0];
    }

    /** Splits on commas outside double quotes. */
    static List<String> splitTopLevel(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /**
     * The name at the start of {@code text} and what follows it: {@code ["user_id", ".desc"]}. A plain name ends
     * at the first dot.
     */
    static String[] leadingName(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("\"")) {
            StringBuilder name = new StringBuilder();
            for (int i = 1; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (c == '\\' && i + 1 < trimmed.length()) {
                    name.append(trimmed.charAt(++i));
                } else if (c == '"') {
                    return new String[] {name.toString(), trimmed.substring(i + 1)};
                } else {
                    name.append(c);
                }
            }
            return new String[] {"", trimmed};
        }
        int dot = trimmed.indexOf('.');
        return dot < 0 ? new String[] {trimmed, ""}
                : new String[] {trimmed.substring(0, dot).strip(), trimmed.substring(dot)};
    }
}
