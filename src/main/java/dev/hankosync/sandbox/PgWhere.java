package dev.hankosync.sandbox;

import java.util.List;

/** Translates the filters of a request into a {@code where} clause with bound values. */
final class PgWhere {

    private PgWhere() {
    }

    static void append(PgStatement statement, PgTable table, List<PostgrestFilter> filters) throws PostgrestException {
        if (filters.isEmpty()) {
            return;
        }
        statement.sql(" where ");
        for (int i = 0; i < filters.size(); i++) {
            PostgrestFilter filter = filters.get(i);
            String column = table.column(filter.column());
            if (i > 0) {
                statement.sql(" and ");
            }
            statement.sql(filter.negated() ? "not (" : "(");
            switch (filter.operator()) {
                case "in" -> appendIn(statement, column, filter.list());
                // value is one of null/true/false/unknown, checked by the parser
                case "is" -> statement.sql(column + " is " + filter.value());
                case "like", "ilike" -> statement.sql(column + " " + filter.operator() + " ")
                        .bind(filter.value().replace('*', '%'));
                default -> statement.sql(column + " " + PostgrestFilter.SIMPLE_OPERATORS.get(filter.operator()) + " ")
                        .bind(filter.value());
            }
            statement.sql(")");
        }
    }

    private static void appendIn(PgStatement statement, String column, List<String> items) {
        if (items.isEmpty()) {
            statement.sql("false");
            return;
        }
        statement.sql(column + " in (");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                statement.sql(", ");
            }
            statement.bind(items.get(i));
        }
        statement.sql(")");
    }
}
