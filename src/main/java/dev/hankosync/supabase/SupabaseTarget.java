package dev.hankosync.supabase;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where the rows live: the project URL, the privileged key, and the table with its two synced columns.
 *
 * @param url          the project URL, e.g. {@code https://xyz.supabase.co} (the REST layer is below {@code /rest/v1})
 * @param key          a service-role JWT ({@code eyJ...}) or a secret key ({@code sb_secret_...}); never printed
 * @param schema       the table's schema, {@code public} when blank
 * @param table        the table, {@code users} when blank
 * @param userIdColumn the column holding the Hanko user id, {@code user_id} when blank
 * @param emailColumn  the column holding the email, {@code email} when blank
 */
public record SupabaseTarget(String url, String key, String schema, String table, String userIdColumn,
                             String emailColumn) {

    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_TABLE = "users";
    public static final String DEFAULT_USER_ID_COLUMN = "user_id";
    public static final String DEFAULT_EMAIL_COLUMN = "email";

    public SupabaseTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
        url = stripTrailingSlashes(url.strip());
        schema = orDefault(schema, DEFAULT_SCHEMA);
        table = orDefault(table, DEFAULT_TABLE);
        userIdColumn = orDefault(userIdColumn, DEFAULT_USER_ID_COLUMN);
        emailColumn = orDefault(emailColumn, DEFAULT_EMAIL_COLUMN);
        // OkHttp would name a bad header value in its exception, and apikey is not on its list of secrets.
        if (key.isEmpty() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the Supabase key is empty or contains characters a header cannot carry");
        }
        if (HttpUrl.parse(url) == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
    }

    /** The guide's table and columns in {@code public}. */
    public static SupabaseTarget of(String url, String key) {
        return new SupabaseTarget(url, key, null, null, null, null);
    }

    /** {@code <url>/rest/v1/<table>}. */
    public HttpUrl tableUrl() {
        return HttpUrl.get(url).newBuilder().addPathSegments("rest/v1").addPathSegment(table).build();
    }

    /** New-style keys ({@code sb_secret_...}) travel in {@code apikey} only; legacy JWTs in both headers. */
    public boolean sendsBearer() {
        return !key.startsWith("sb_");
    }

    /** {@code public.users}, as error messages name it. */
    public String qualifiedTable() {
        return schema + "." + table;
    }

    /** The statement that lets inserts skip rows the app's sign-in route wrote first (printed by {@code check}). */
    public String uniqueConstraintSql() {
        return "alter table " + sqlIdentifier(schema) + "." + sqlIdentifier(table) + " add constraint "
                + sqlIdentifier(table + "_" + userIdColumn + "_key") + " unique (" + sqlIdentifier(userIdColumn) + ");";
    }

    @Override
    public String toString() {
        return "SupabaseTarget[url=" + url + ", key=<redacted>, table=" + qualifiedTable() + ", userIdColumn="
                + userIdColumn + ", emailColumn=" + emailColumn + "]";
    }

    private static String sqlIdentifier(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
