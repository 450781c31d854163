package dev.hankosync.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code Prefer} headers of a request: {@code return=}, {@code resolution=}, {@code count=}, {@code missing=}. */
record PostgrestPrefer(Map<String, String> values) {

    static PostgrestPrefer parse(List<String> headers) {
        Map<String, String> values = new HashMap<>();
        if (headers != null) {
            for (String header : headers) {
                for (String item : header.split(",")) {
                    int eq = item.indexOf('=');
                    if (eq > 0) {
                        values.putIfAbsent(item.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                                item.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new PostgrestPrefer(values);
    }

    boolean representation() {
        return "representation".equals(values.get("return"));
    }

    boolean exactCount() {
        return "exact".equals(values.get("count")) || "planned".equals(values.get("count"))
                || "estimated".equals(values.get("count"));
    }

    /** {@code ignore-duplicates}, {@code merge-duplicates}, or null for a plain insert. */
    String resolution() {
        String resolution = values.get("resolution");
        return "ignore-duplicates".equals(resolution) || "merge-duplicates".equals(resolution) ? resolution : null;
    }

    boolean missingDefault() {
        return "default".equals(values.get("missing"));
    }
}
