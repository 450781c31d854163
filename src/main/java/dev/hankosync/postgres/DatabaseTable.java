package dev.hankosync.postgres;

/**
 * The target table and its two synced columns, plus the quoting that puts them into SQL. The config layer already
 * allows only plain identifiers; they are quoted all the same, so a name that is a keyword ({@code user}) or has
 * capitals still addresses exactly that object.
 *
 * @param schema       {@code public} when blank
 * @param table        {@code users} when blank
 * @param userIdColumn {@code user_id} when blank
 * @param emailColumn  {@code email} when blank
 */
public record DatabaseTable(String schema, String table, String userIdColumn, String emailColumn) {

    /** The table's primary key, as in Hanko's Supabase guide; keyset paging and row filters use it. */
    public static final String ROW_ID_COLUMN = "id";

    public DatabaseTable {
        schema = orDefault(schema, "public");
        table = orDefault(table, "users");
        userIdColumn = orDefault(userIdColumn, "user_id");
        emailColumn = orDefault(emailColumn, "email");
        for (String name : new String[] {schema, table, userIdColumn, emailColumn}) {
            if (name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an identifier cannot contain a NUL character");
            }
        }
    }

    /** The guide's table: {@code public.users (id, user_id, email)}. */
    public static DatabaseTable guideDefaults() {
        return new DatabaseTable(null, null, null, null);
    }

    /** {@code "schema"."table"}, for SQL. */
    String qualifiedSql() {
        return quote(schema) + "." + quote(table);
    }

    /** {@code public.users}, as messages name it. */
    public String displayName() {
        return schema + "." + table;
    }

    /** The statement that lets inserts skip rows the app's sign-in route wrote first. */
    public String uniqueConstraintSql() {
        return "alter table " + qualifiedSql() + " add constraint " + quote(table + "_" + userIdColumn + "_key")
                + " unique (" + quote(userIdColumn) + ");";
    }

    /** A double-quoted SQL identifier, with embedded quotes doubled. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
