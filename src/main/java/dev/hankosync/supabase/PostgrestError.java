package dev.hankosync.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error body, read defensively. PostgREST sends {@code {"code","message","details","hint"}}, but the gateway
 * in front of it sends bodies without a code ("Invalid API key"), proxies send plain text ("URI too long\n"),
 * Cloudflare sends HTML (520), and some answers have no body at all.
 *
 * @param code    the PostgREST code or SQLSTATE, null when the body had none
 * @param message one line describing the error, never null
 * @param details PostgREST's details, or null
 * @param hint    PostgREST's hint, or null
 */
record PostgrestError(String code, String message, String details, String hint) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final int MAX_LENGTH = 200;

    static PostgrestError parse(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return new PostgrestError(null, "empty body", null, null);
        }
        if (text.startsWith("{")) {
            PostgrestError fromJson = fromJson(text);
            if (fromJson != null) {
                return fromJson;
            }
        }
        if (looksLikeHtml(text)) {
            return new PostgrestError(null, fromHtml(text), null, null);
        }
        return new PostgrestError(null, oneLine(text), null, null);
    }

    /** {@code code: message}, or just the message when there is no code. */
    String summary() {
        return code == null ? message : code + ": " + message;
    }

    /** The message, details and hint together, lower case, to look for words in. */
    String searchableText() {
        return (message + " " + (details == null ? "" : details) + " " + (hint == null ? "" : hint))
                .toLowerCase(Locale.ROOT);
    }

    private static PostgrestError fromJson(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
        if (json == null || !json.isObject()) {
            return null;
        }
        String code = textField(json, "code");
        String message = textField(json, "message");
        if (message == null) {
            message = textField(json, "msg");
        }
        if (message == null) {
            message = textField(json, "error");
        }
        return new PostgrestError(code, message == null ? oneLine(text) : oneLine(message),
                textField(json, "details"), textField(json, "hint"));
    }

    private static String textField(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }

    private static boolean looksLikeHtml(String text) {
        String start = text.substring(0, Math.min(300, text.length())).toLowerCase(Locale.ROOT);
        return start.startsWith("<") && (start.contains("<html") || start.contains("<!doctype") || start.contains("<head")
                || start.contains("<title") || start.contains("<body"));
    }

    /** A CDN error page's title ("example.com | 520: Web server is returning an unknown error") says it all. */
    private static String fromHtml(String html) {
        Matcher title = TITLE.matcher(html);
        String text = title.find() ? TAG.matcher(title.group(1)).replaceAll(" ") : "";
        text = oneLine(text);
        return text.isEmpty() ? "HTML error page" : "HTML error page: " + text;
    }

    /** Control characters go: a hostile body must not drive the operator's terminal. */
    private static String oneLine(String text) {
        String line = SPACE.matcher(text).replaceAll(" ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
