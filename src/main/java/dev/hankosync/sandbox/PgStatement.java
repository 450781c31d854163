package dev.hankosync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text plus its bind values. Values are always bound, never spliced into the text; they travel untyped
 * (the connection uses {@code stringtype=unspecified}), so PostgreSQL casts them to the column's type exactly as
 * PostgREST's literals are cast, and a bad value fails with the same 22P02.
 */
final class PgStatement {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> binds = new ArrayList<>();

    PgStatement sql(String text) {
        sql.append(text);
        return this;
    }

    /** Appends {@code ?} bound to {@code value} (a String, a Long, or null). */
    PgStatement bind(Object value) {
        sql.append('?');
        binds.add(value);
        return this;
    }

    String text() {
        return sql.toString();
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < binds.size(); i++) {
            Object value = binds.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
        return statement;
    }
}
