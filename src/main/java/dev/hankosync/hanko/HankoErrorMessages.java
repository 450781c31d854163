package dev.hankosync.hanko;

import dev.hankosync.http.ApiException;
import dev.hankosync.http.ErrorBodies;
import dev.hankosync.http.Redaction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/**
 * Words Hanko failures as one line an operator can act on. Every message names the method and the URL path
 * (never the query, which holds user ids) and never contains the API key.
 */
final class HankoErrorMessages {

    static final String API = "Hanko";

    private HankoErrorMessages() {
    }

    /** A non-2xx answer, after any retries. */
    static ApiException forStatus(String method, HttpUrl url, int status, String body, String apiKey) {
        String cleanBody = Redaction.redact(body, apiKey);
        String description = ErrorBodies.describe(cleanBody);
        String call = method + " " + url.encodedPath();
        String message;
        if (status == 401 || status == 403) {
            message = apiKey == null
                    ? "Hanko requires an API key: " + call + " answered " + status + " (" + description
                            + "); set HANKO_API_KEY (Hanko Cloud: project Settings > API Keys)"
                    : "Hanko rejected the API key: " + call + " answered " + status + " (" + description
                            + "); check HANKO_API_KEY";
        } else if (status == 404) {
            message = "Hanko answered 404 to " + call + " (" + description + "); the admin URL may be wrong:"
                    + " Hanko Cloud's admin API URL ends in /admin (https://<tenant>.hanko.io/admin),"
                    + " self-hosted is usually http://host:8001";
        } else {
            message = "Hanko answered " + status + " to " + call + ": " + description;
        }
        return new ApiException(API, status, ErrorBodies.code(cleanBody), Redaction.redact(message, apiKey));
    }

    /** A 2xx answer whose body is not a list of users. */
    static ApiException forMalformedBody(String method, HttpUrl url, int status, String contentType,
                                         String diagnosis, String apiKey) {
        String type = contentType == null || contentType.toLowerCase().contains("json")
                ? "" : " (Content-Type " + contentType + ")";
        String message = "Hanko sent a malformed answer to " + method + " " + url.encodedPath() + type + ": "
                + diagnosis;
        return new ApiException(API, status, null, Redaction.redact(message, apiKey));
    }

    /** No answer at all, after any retries. */
    static ApiException forConnectionFailure(String method, HttpUrl url, IOException e, String apiKey) {
        String message = "Hanko unreachable at " + hostAndPort(url) + " (" + method + " " + url.encodedPath() + "): "
                + reason(e);
        return new ApiException(API, Redaction.redact(message, apiKey), e);
    }

    /** The answer started but the connection broke while its body was being read, after any retries. */
    static ApiException forBrokenBody(String method, HttpUrl url, int status, IOException e, String apiKey) {
        IOException cause = e.getCause() instanceof IOException inner ? inner : e;
        String message = "Hanko's HTTP " + status + " answer to " + method + " " + url.encodedPath()
                + " broke off before its end: " + reason(cause);
        return new ApiException(API, status, null, Redaction.redact(message, apiKey));
    }

    /** {@code value} with control characters replaced and cut to 40 characters, for quoting in a message. */
    static String printable(String value) {
        String flat = value.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 40 ? flat.substring(0, 39) + "…" : flat;
    }

    private static String hostAndPort(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }

    private static String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getMessage().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "timed out or interrupted (" + detail + ")";
        }
        return detail;
    }
}
