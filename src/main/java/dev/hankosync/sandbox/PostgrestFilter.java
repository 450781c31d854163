package dev.hankosync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One horizontal filter, {@code column=[not.]operator.value}, parsed as PostgREST's {@code pOpExpr} does.
 *
 * <p>For simple operators the value is the rest of the parameter, taken literally: quotes mean nothing there, so
 * {@code id=gt."5"} compares with the three characters {@code "5"}. Only {@code in.(...)} items may be quoted.
 *
 * @param column   the column name (not yet checked against the table)
 * @param negated  {@code not.} was given
 * @param operator eq, neq, gt, gte, lt, lte, like, ilike, in or is
 * @param value    the value of a simple operator, or null/true/false/unknown for {@code is}
 * @param list     the items of {@code in}
 */
record PostgrestFilter(String column, boolean negated, String operator, String value, List<String> list) {

    static final Map<String, String> SIMPLE_OPERATORS = Map.of(
            "eq", "=", "neq", "<>", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=", "like", "like", "ilike", "ilike");

    /** Operators PostgREST knows but the sandbox does not answer: the request fails loudly instead of silently. */
    private static final List<String> UNSUPPORTED = List.of("match", "imatch", "cs", "cd", "ov", "sl", "sr", "nxr",
            "nxl", "adj", "isdistinct", "fts", "plfts", "phfts", "wfts");

    /** PostgREST's test for "this parameter is a filter" (else it is an RPC argument, ignored on tables). */
    static boolean hasOperator(String value) {
        String[] parts = value.split("\\.", -1);
        String first = parts[0];
        return (first.equals("not") && parts.length > 1) || first.equals("is") || first.equals("in")
                || SIMPLE_OPERATORS.containsKey(first) || UNSUPPORTED.contains(first) || first.contains("fts(");
    }

    static PostgrestFilter parse(String column, String expression) throws PostgrestException {
        boolean negated = false;
        String rest = expression;
        if (rest.startsWith("not.")) {
            negated = true;
            rest = rest.substring(4);
        }
        int dot = rest.indexOf('.');
        if (dot < 0) {
            throw failed(expression, "expecting delimiter (.)");
        }
        String operator = rest.substring(0, dot);
        String operand = rest.substring(dot + 1);
        switch (operator) {
            case "in" -> {
                return new PostgrestFilter(column, negated, "in", null, parseList(expression, operand));
            }
            case "is" -> {
                String value = operand.toLowerCase(Locale.ROOT);
                if (!List.of("null", "true", "false", "unknown").contains(value)) {
                    throw failed(expression, "expecting null or trilean value (unknown, true, false)");
                }
                return new PostgrestFilter(column, negated, "is", value, List.of());
            }
            default -> {
                if (SIMPLE_OPERATORS.containsKey(operator)) {
                    return new PostgrestFilter(column, negated, operator, operand, List.of());
                }
                if (UNSUPPORTED.contains(operator)) {
                    throw PostgrestException.badQuery("\"failed to parse filter (" + expression + ")\"",
                            "operator " + operator + " is not supported by the sandbox");
                }
                throw failed(expression, "unknown single value operator " + operator);
            }
        }
    }

    /**
     * The {@code in} list grammar: {@code (} items separated by {@code ,} {@code )}; spaces and tabs right after
     * {@code (} and right before {@code )} are skipped. A quoted item is {@code "..."} where a backslash escapes the
     * next character, and must be followed by {@code ,} or {@code )}, else the item is read unquoted. An unquoted
     * item is any run of characters other than {@code ,} and {@code )}, quotes and backslashes included.
     */
    static List<String> parseList(String expression, String operand) throws PostgrestException {
        int i = skipBlanks(operand, 0);
        if (i >= operand.length() || operand.charAt(i) != '(') {
            throw failed(expression, "expecting \"(\"");
        }
        i = skipBlanks(operand, i + 1);
        List<String> items = new ArrayList<>();
        boolean onlyBareEmpty = true;
        while (true) {
            int[] end = new int[1];
            String quoted = quotedItem(operand, i, end);
            if (quoted != null) {
                items.add(quoted);
                onlyBareEmpty = false;
                i = end[0];
            } else {
                int start = i;
                while (i < operand.length() && operand.charAt(i) != ',' && operand.charAt(i) != ')') {
                    i++;
                }
                items.add(operand.substring(start, i));
                onlyBareEmpty &= start == i;
            }
            if (i >= operand.length()) {
                throw failed(expression, "expecting \",\" or \")\"");
            }
            if (operand.charAt(i) == ')') {
                break;
            }
            i++; // the comma
        }
        if (skipBlanks(operand, i + 1) != operand.length()) {
            throw failed(expression, "unexpected characters after \")\"");
        }
        // in.() and in.(   ) mean the empty list; an empty item next to others stays "" (and fails for numbers).
        return items.size() == 1 && onlyBareEmpty ? List.of() : items;
    }

    /** The unescaped item when a well-formed quoted item starts at {@code start}; {@code end[0]} is then after it. */
    private static String quotedItem(String text, int start, int[] end) {
        if (start >= text.length() || text.charAt(start) != '"') {
            return null;
        }
        StringBuilder item = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                item.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                int next = i + 1;
                if (next < text.length() && (text.charAt(next) == ',' || text.charAt(next) == ')')) {
                    end[0] = next;
                    return item.toString();
                }
                return null;
            } else if (c == '\\') {
                return null;
            } else {
                item.append(c);
                i++;
            }
        }
        return null;
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static PostgrestException failed(String expression, String details) {
        return PostgrestException.badQuery("\"failed to parse filter (" + expression + ")\"", details);
    }
}
