package dev.hankosync.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Query strings the way Hanko's Go server reads and writes them ({@code url.ParseQuery}, {@code Values.Encode}). */
final class HankoSandboxQueryString {

    private HankoSandboxQueryString() {
    }

    /** Decoded parameters in arrival order; as in Go, a {@code +} in a value decodes to a space. */
    static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The first value of {@code key}, or "" when absent (Go's {@code Values.Get}). */
    static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** Go's {@code Values.Encode}: keys sorted, values in order, {@code QueryEscape}d. */
    static String encode(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(params).entrySet()) {
            for (String value : entry.getValue()) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(queryEscape(entry.getKey())).append('=').append(queryEscape(value));
            }
        }
        return out.toString();
    }

    /** Go's {@code url.QueryEscape}: only letters, digits and {@code -_.~} stay; a space becomes {@code +}. */
    static String queryEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a malformed %-escape; Go would reject the query, the sandbox keeps it as it came
        }
    }
}
