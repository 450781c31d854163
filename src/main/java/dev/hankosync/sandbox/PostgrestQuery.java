package dev.hankosync.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The query string of a table request, decoded the PostgREST way: {@code +} becomes a space (so a client that
 * forgets to send {@code %2B} loses the plus), then split into the reserved parameters and the filters.
 *
 * @param select     the selected columns; empty means {@code *}
 * @param order      the order terms
 * @param limit      {@code limit=}, or null
 * @param offset     {@code offset=}, or null
 * @param filters    the horizontal filters, ANDed
 * @param columns    {@code columns=}, or null
 * @param onConflict {@code on_conflict=}, or null
 */
record PostgrestQuery(List<String> select, List<OrderTerm> order, Long limit, Long offset,
                      List<PostgrestFilter> filters, List<String> columns, List<String> onConflict) {

    /** {@code column[.asc|.desc][.nullsfirst|.nullslast]}. */
    record OrderTerm(String column, boolean descending, String nulls) {}

    static PostgrestQuery parse(String rawQuery) throws PostgrestException {
        List<String> select = List.of();
        List<OrderTerm> order = List.of();
        Long limit = null;
        Long offset = null;
        List<PostgrestFilter> filters = new ArrayList<>();
        List<String> columns = null;
        List<String> onConflict = null;
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new PostgrestQuery(select, order, null, null, filters, null, null);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "select" -> select = selectList(value);
                case "columns" -> columns = PostgrestNames.list(value, "columns");
                case "on_conflict" -> onConflict = PostgrestNames.list(value, "on_conflict");
                case "order" -> order = orderTerms(value);
                case "limit" -> limit = number(value);
                case "offset" -> offset = number(value);
                case "and", "or" -> throw PostgrestException.badQuery("\"failed to parse logic tree (" + value + ")\"",
                        "and/or are not supported by the sandbox");
                default -> {
                    if (key.contains(".")) {
                        throw PostgrestException.badQuery("\"failed to parse tree path (" + key + ")\"",
                                "embedded resources are not supported by the sandbox");
                    }
                    if (PostgrestFilter.hasOperator(value)) {
                        filters.add(PostgrestFilter.parse(PostgrestNames.single(key), value));
                    }
                    // Anything else is an RPC argument to PostgREST, which ignores it on a table: so does this.
                }
            }
        }
        return new PostgrestQuery(select, order, limit, offset, filters, columns, onConflict);
    }

    private static String decode(String raw) throws PostgrestException {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PostgrestException.badQuery("invalid percent-encoding in the query string", e.getMessage());
        }
    }

    private static List<String> selectList(String value) throws PostgrestException {
        List<String> items = PostgrestNames.list(value, "select");
        for (String item : items) {
            if (item.contains("(") || item.contains(":") || item.contains("->")) {
                throw PostgrestException.badQuery("\"failed to parse select parameter (" + value + ")\"",
                        "aliases, casts, JSON paths and embedding are not supported by the sandbox");
            }
        }
        return items.contains("*") ? List.of() : items;
    }

    private static List<OrderTerm> orderTerms(String value) throws PostgrestException {
        List<OrderTerm> terms = new ArrayList<>();
        for (String term : PostgrestNames.splitTopLevel(value)) {
            String[] name = PostgrestNames.leadingName(term);
            boolean descending = false;
            String nulls = null;
            String[] modifiers = name[1].isEmpty() ? new String[0] : name[1].substring(1).split("\\.", -1);
            if (!name[1].isEmpty() && !name[1].startsWith(".")) {
                throw badOrder(value);
            }
            for (int i = 0; i < modifiers.length; i++) {
                String modifier = modifiers[i].strip();
                if (i == 0 && (modifier.equals("asc") || modifier.equals("desc"))) {
                    descending = modifier.equals("desc");
                } else if (nulls == null && (modifier.equals("nullsfirst") || modifier.equals("nullslast"))) {
                    nulls = modifier.equals("nullsfirst") ? "nulls first" : "nulls last";
                } else {
                    throw badOrder(value);
                }
            }
            terms.add(new OrderTerm(name[0], descending, nulls));
        }
        return terms;
    }

    /** PostgREST ignores a limit or offset that is not a number. */
    private static Long number(String value) {
        try {
            long number = Long.parseLong(value.strip());
            return number < 0 ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static PostgrestException badOrder(String value) {
        return PostgrestException.badQuery("\"failed to parse order (" + value + ")\"",
                "expecting \"asc\", \"desc\", \"nullsfirst\" or \"nullslast\"");
    }
}
