package dev.hankosync.supabase;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hankosync.http.ApiException;
import dev.hankosync.http.Redaction;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Turns a failed call into an exception whose one-line message tells the operator what to fix. Branches on the
 * HTTP status and the code only: PostgREST's message texts change between versions.
 */
final class SupabaseErrors {

    static final String API = "Supabase";

    /** SQLSTATE classes that mean "the data was refused": 22 data exception, 23 constraint, P0 raised by a trigger. */
    private static final Set<String> REJECTING_CLASSES = Set.of("22", "23", "P0", "44");

    private static final Pattern PGRST204_COLUMN = Pattern.compile("'([^']+)' column");
    private static final Pattern QUOTED_COLUMN = Pattern.compile("column \"([^\"]+)\"");
    private static final Pattern DOTTED_COLUMN = Pattern.compile("column (?:[^\\s.]+\\.)?([^\\s.]+) does not exist");

    private final SupabaseTarget target;

    SupabaseErrors(SupabaseTarget target) {
        this.target = target;
    }

    /** A 400 or 409 carrying a SQLSTATE of a data error: the database refused these rows, nothing was written. */
    static boolean isRowRejection(int status, String code) {
        return (status == 400 || status == 409) && code != null && code.length() == 5 && !code.startsWith("PGRST")
                && REJECTING_CLASSES.contains(code.substring(0, 2));
    }

    RowsRejectedException rejected(PostgrestError error) {
        String detail = error.details() == null ? error.message() : error.message() + " (" + error.details() + ")";
        return new RowsRejectedException(error.code() == null ? "unknown" : error.code(), redact(detail));
    }

    /** No answer at all, after any retries. */
    ApiException unreachable(String method, HttpUrl url, IOException e) {
        return new ApiException(API, redact("Supabase unreachable at " + hostAndPort(url) + " (" + method + " "
                + url.encodedPath() + "): " + reason(e)), e);
    }

    /**
     * A 2xx answer whose body broke off in transit. Its status is kept: for a write it means the request probably
     * took effect, and only a re-read can tell.
     */
    ApiException brokenBody(String method, HttpUrl url, int status, IOException e) {
        IOException cause = e.getCause() instanceof IOException inner ? inner : e;
        return new ApiException(API, status, null, redact("Supabase's HTTP " + status + " answer to " + method + " "
                + url.encodedPath() + " broke off before its end: " + reason(cause)));
    }

    /**
     * An error answer whose body broke off: what the error was is unknown, so this counts as no answer (status -1),
     * and a write may be tried again after a re-read.
     */
    ApiException brokenErrorBody(String method, HttpUrl url, int status, IOException e) {
        return new ApiException(API, redact("Supabase's HTTP " + status + " answer to " + method + " "
                + url.encodedPath() + " broke off before its end: " + reason(e)), e);
    }

    ApiException invalidJson(String method, HttpUrl url, int status, JsonProcessingException e) {
        return new ApiException(API, status, null, redact("Supabase " + method + " " + url.encodedPath()
                + " answered HTTP " + status + " with a body that is not the expected JSON: " + e.getOriginalMessage()));
    }

    ApiException forResponse(String method, HttpUrl url, int status, PostgrestError error) {
        String call = method + " " + url.encodedPath() + " answered HTTP " + status + " (" + error.summary() + ")";
        String code = error.code() == null ? "" : error.code();
        String message;
        if (status == 401) {
            message = "Supabase rejected the key: " + call + ". Check SUPABASE_SERVICE_ROLE_KEY / SUPABASE_SECRET_KEY"
                    + (suggestsWeakKey(error) ? "; an anon or publishable key is not enough, use the service_role"
                    + " or secret key" : "");
        } else if (code.equals("PGRST205") || code.equals("42P01")) {
            message = "Supabase table " + target.qualifiedTable() + " does not exist: " + call
                    + ". Create it (see Hanko's Supabase guide) or pass --table / --schema";
        } else if (code.equals("PGRST204") || code.equals("42703")) {
            message = "Supabase column " + missingColumn(error) + " does not exist in table " + target.qualifiedTable()
                    + ": " + call + ". Pass --user-id-column / --email-column, or reload the schema cache"
                    + " (NOTIFY pgrst, 'reload schema')";
        } else if (code.equals("42501")) {
            message = "Supabase permission denied for table " + target.qualifiedTable() + ": " + call
                    + ". The key's role needs select, insert, update and delete on it";
        } else if (code.equals("PGRST106")) {
            message = "Supabase schema " + target.schema() + " is not exposed by the Data API: " + call
                    + ". Add it under Project Settings > API > Exposed schemas";
        } else {
            message = "Supabase request failed: " + call;
        }
        return new ApiException(API, status, error.code(), redact(message));
    }

    /** The key must never reach a message, not even a piece of it, even when a server echoes it back. */
    String redact(String text) {
        return Redaction.redact(text, target.key());
    }

    private static String hostAndPort(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }

    private static String reason(IOException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return e instanceof java.net.UnknownHostException ? "unknown host (" + detail + ")"
                : e instanceof java.io.InterruptedIOException ? "timed out or interrupted (" + detail + ")" : detail;
    }

    private static boolean suggestsWeakKey(PostgrestError error) {
        String text = error.searchableText();
        return "42501".equals(error.code()) || text.contains("permission denied") || text.contains("row-level security")
                || error.message().toLowerCase().contains("anon") || text.contains("publishable");
    }

    private String missingColumn(PostgrestError error) {
        for (Pattern pattern : new Pattern[] {PGRST204_COLUMN, QUOTED_COLUMN, DOTTED_COLUMN}) {
            Matcher matcher = pattern.matcher(error.message());
            if (matcher.find()) {
                return "'" + matcher.group(1) + "'";
            }
        }
        return "(one of id, " + target.userIdColumn() + ", " + target.emailColumn() + ")";
    }
}
