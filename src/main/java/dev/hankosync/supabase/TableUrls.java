package dev.hankosync.supabase;

import static dev.hankosync.supabase.PostgrestEncoding.fieldList;
import static dev.hankosync.supabase.PostgrestEncoding.fieldName;
import static dev.hankosync.supabase.PostgrestEncoding.inList;
import static dev.hankosync.supabase.PostgrestEncoding.percentEncode;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The URLs of the target table's endpoint. Every value is percent-encoded here and added with
 * {@code addEncodedQueryParameter}, so OkHttp cannot leave a {@code +} that PostgREST would read as a space.
 */
final class TableUrls {

    /** The table's primary key, as in Hanko's Supabase guide; keyset paging and row filters use it. */
    static final String ROW_ID_COLUMN = "id";

    private final SupabaseTarget target;
    private final HttpUrl table;

    TableUrls(SupabaseTarget target) {
        this.target = target;
        this.table = target.tableUrl();
    }

    /**
     * {@code select=id,<uid>,<email>&order=id.asc&limit=N[&id=gt.<lastId>]}. The id goes unquoted: for
     * {@code gt} PostgREST takes the rest of the value literally (quotes only mean something inside
     * {@code in.(...)}), and an unquoted value works for bigint and uuid alike.
     */
    HttpUrl page(int pageSize, String afterRowId) {
        HttpUrl.Builder url = table.newBuilder();
        add(url, "select", fieldList(ROW_ID_COLUMN, target.userIdColumn(), target.emailColumn()));
        add(url, "order", ROW_ID_COLUMN + ".asc");
        add(url, "limit", Integer.toString(pageSize));
        if (afterRowId != null) {
            add(url, ROW_ID_COLUMN, "gt." + afterRowId);
        }
        return url.build();
    }

    /** {@code columns=<uid>,<email>&select=<uid>}, plus {@code on_conflict=<uid>} for the upsert. */
    HttpUrl insert(boolean onConflict) {
        HttpUrl.Builder url = table.newBuilder();
        add(url, "columns", fieldList(target.userIdColumn(), target.emailColumn()));
        if (onConflict) {
            add(url, "on_conflict", fieldName(target.userIdColumn()));
        }
        add(url, "select", fieldName(target.userIdColumn()));
        return url.build();
    }

    /** {@code id=eq.<rowId>}: one row. */
    HttpUrl row(String rowId) {
        HttpUrl.Builder url = table.newBuilder();
        add(url, ROW_ID_COLUMN, "eq." + rowId);
        return url.build();
    }

    /** {@code select=<uid>&<uid>=in.(...)}, as many URLs as it takes to stay under the length limit. */
    List<HttpUrl> userIdsIn(List<String> userIds) {
        HttpUrl.Builder base = table.newBuilder();
        add(base, "select", fieldName(target.userIdColumn()));
        return withInList(base.build(), target.userIdColumn(), userIds);
    }

    /** {@code id=in.(...)}, chunked like {@link #userIdsIn}. */
    List<HttpUrl> rowIdsIn(List<String> rowIds) {
        return withInList(table, ROW_ID_COLUMN, rowIds);
    }

    private static List<HttpUrl> withInList(HttpUrl base, String column, List<String> values) {
        String key = percentEncode(fieldName(column));
        List<HttpUrl> urls = new ArrayList<>();
        for (List<String> chunk : InListChunker.chunks(values, base.toString().length(), key,
                InListChunker.MAX_URL_LENGTH)) {
            urls.add(base.newBuilder().addEncodedQueryParameter(key, percentEncode(inList(chunk))).build());
        }
        return urls;
    }

    private static void add(HttpUrl.Builder url, String name, String value) {
        url.addEncodedQueryParameter(percentEncode(name), percentEncode(value));
    }
}
