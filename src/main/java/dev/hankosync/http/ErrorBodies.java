package dev.hankosync.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;

/**
 * Turns an error response body into one short line for an operator. Bodies come in every shape: Hanko's
 * {@code {"code":400,"message":"..."}}, PostgREST's {@code {"code":"23505","message":"...","details":"..."}},
 * plain text from a proxy ("URI too long"), a CDN's HTML error page, or nothing at all.
 */
public final class ErrorBodies {

    /** An error page is diagnosed from its start; reading a whole multi-megabyte page helps nobody. */
    private static final long READ_LIMIT = 64 * 1024;
    private static final int MAX_LENGTH = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    private ErrorBodies() {
    }

    /** The first 64 KiB of the response body as text, without consuming more; "" when it cannot be read. */
    public static String read(Response response) {
        try {
            return response.peekBody(READ_LIMIT).string();
        } catch (IOException | IllegalStateException e) {
            return "";
        }
    }

    /** One line of at most ~200 characters describing {@code body}; "empty body" for nothing. */
    public static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "empty body";
        }
        String trimmed = body.strip();
        String text;
        JsonNode json = parseJson(trimmed);
        if (json != null && json.isObject()) {
            text = describeJsonObject(json, trimmed);
        } else if (looksLikeHtml(trimmed)) {
            text = describeHtml(trimmed);
        } else {
            text = trimmed;
        }
        return cap(oneLine(text));
    }

    /** The body's {@code code} field as text (Hanko's number or PostgREST's code / SQLSTATE), else null. */
    public static String code(String body) {
        JsonNode json = body == null ? null : parseJson(body.strip());
        if (json == null || !json.isObject()) {
            return null;
        }
        JsonNode code = json.get("code");
        return code == null || code.isNull() || code.isContainerNode() ? null : code.asText();
    }

    private static String describeJsonObject(JsonNode json, String raw) {
        String message = firstText(json, "message", "msg", "error_description", "error", "detail");
        if (message == null) {
            return raw;
        }
        StringBuilder text = new StringBuilder(message);
        String details = firstText(json, "details");
        if (details != null && !details.equals(message)) {
            text.append(" (").append(details).append(')');
        }
        String hint = firstText(json, "hint");
        if (hint != null) {
            text.append(" hint: ").append(hint);
        }
        return text.toString();
    }

    private static String firstText(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode value = json.get(name);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** A CDN page's title ("502: Bad gateway") says more than its body text, which is mostly boilerplate. */
    private static String describeHtml(String html) {
        Matcher title = TITLE.matcher(html);
        if (title.find()) {
            String text = decodeEntities(TAG.matcher(title.group(1)).replaceAll(" ")).strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        String text = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
        text = COMMENT.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll(" ");
        text = decodeEntities(text).strip();
        return text.isEmpty() ? "HTML page without text" : text;
    }

    private static boolean looksLikeHtml(String body) {
        String start = body.length() > 200 ? body.substring(0, 200) : body;
        String lower = start.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<html")
                || lower.contains("<head") || lower.contains("<body") || lower.contains("<title");
    }

    private static String decodeEntities(String text) {
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }

    private static JsonNode parseJson(String body) {
        if (!(body.startsWith("{") || body.startsWith("["))) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Control characters go too: a hostile body must not drive the operator's terminal. */
    private static String oneLine(String text) {
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String cap(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
