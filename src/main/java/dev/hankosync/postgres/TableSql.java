package dev.hankosync.postgres;

import java.util.Collections;

/**
 * The statements on the target table, built from the catalog's column types. Every value is a bind parameter cast
 * to its column's type, so a uuid or varchar column takes the text the sync has, as PostgREST's literals do.
 * Values come back as text, whatever their type.
 */
final class TableSql {

    private final String table;
    private final String id;
    private final String userId;
    private final String email;
    private final String idType;
    private final String userIdType;
    private final String emailType;
    private final boolean onConflict;

    TableSql(DatabaseTable target, TableShape shape) {
        this.table = target.qualifiedSql();
        this.id = DatabaseTable.quote(DatabaseTable.ROW_ID_COLUMN);
        this.userId = DatabaseTable.quote(target.userIdColumn());
        this.email = DatabaseTable.quote(target.emailColumn());
        this.idType = shape.column(DatabaseTable.ROW_ID_COLUMN).orElseThrow().type();
        this.userIdType = shape.column(target.userIdColumn()).orElseThrow().type();
        this.emailType = shape.column(target.emailColumn()).orElseThrow().type();
        this.onConflict = shape.uniqueUserIdKey() != null;
    }

    /** The whole table in id order, for one streaming query. */
    String selectAll() {
        return selectColumns() + " order by t." + id;
    }

    /** One keyset page: the first when {@code afterId} is false, else the rows after the bound id. */
    String selectPage(boolean afterId, int limit) {
        return selectColumns() + (afterId ? " where t." + id + " > cast(? as " + idType + ")" : "")
                + " order by t." + id + " limit " + limit;
    }

    /**
     * One statement for {@code rows} rows (two parameters each: user id, email), returning the user ids it inserted.
     * With a unique key, {@code ON CONFLICT DO NOTHING} skips rows another writer inserted first, even at the same
     * moment. Without one, {@code NOT EXISTS} still skips those already committed when the statement starts; only a
     * sign-in committing during the statement can then slip through as a duplicate.
     */
    String insert(int rows) {
        String values = String.join(", ", Collections.nCopies(rows,
                "(cast(? as " + userIdType + "), cast(? as " + emailType + "))"));
        String into = "insert into " + table + " (" + userId + ", " + email + ") ";
        String returning = " returning " + userId + "::text";
        if (onConflict) {
            return into + "values " + values + " on conflict (" + userId + ") do nothing" + returning;
        }
        return into + "select v.uid, v.email from (values " + values + ") as v (uid, email)"
                + " where not exists (select 1 from " + table + " t where t." + userId + " = v.uid)" + returning;
    }

    /** Sets the email of the row with the bound id (parameters: email, id). */
    String updateEmail() {
        return "update " + table + " set " + email + " = cast(? as " + emailType + ") where " + id
                + " = cast(? as " + idType + ")";
    }

    /** Deletes the rows whose id is in the bound text array. */
    String deleteByIds() {
        return "delete from " + table + " where " + id + " = any(cast(? as " + idType + "[]))";
    }

    boolean usesOnConflict() {
        return onConflict;
    }

    /**
     * Output columns get their own names and the table an alias: a bare {@code order by "id"} would sort by the
     * output column {@code "id"::text}, i.e. as text (1, 10, 100, 2, ...), and keyset paging would skip rows.
     */
    private String selectColumns() {
        return "select t." + id + "::text as row_id, t." + userId + "::text as user_id_text, t." + email
                + "::text as email_text from " + table + " t";
    }
}
