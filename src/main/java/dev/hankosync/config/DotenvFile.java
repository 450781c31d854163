package dev.hankosync.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file such as a Next.js app's {@code .env.local}. No dotenv library is on the class path
 * and the format is small, so this is a hand parser. It understands:
 * <ul>
 *   <li>{@code KEY=value}, {@code export KEY=value}, spaces around {@code =}</li>
 *   <li>blank lines and {@code # comments}; on an unquoted value a {@code #} that starts the value or
 *       follows whitespace starts a comment ({@code a#b} stays {@code a#b})</li>
 *   <li>{@code 'single'} quotes (taken literally) and {@code "double"} quotes (with {@code \n}, {@code \r},
 *       {@code \t}, {@code \"} and {@code \\} escapes); a quoted value may span lines</li>
 *   <li>CRLF line endings and a byte order mark</li>
 * </ul>
 * Later assignments win, as in Node's dotenv. {@code ${VAR}} expansion is not done: values are literal.
 * A malformed line is reported by file and line number only, never by content: it may hold a key.
 */
public final class DotenvFile {

    private static final String KIND = "env file";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern EXPORT = Pattern.compile("^export\\s+");

    private final String fileName;
    private final List<String> lines;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private int next; // index of the next unread line

    private DotenvFile(String fileName, String text) {
        this.fileName = fileName;
        this.lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
    }

    /** The variables the file defines, in file order. */
    public static Map<String, String> read(Path file) {
        return parse(ConfigFileText.read(file, KIND), file.toString());
    }

    /** Parses dotenv text; {@code fileName} is used only in error messages. */
    public static Map<String, String> parse(String text, String fileName) {
        DotenvFile parser = new DotenvFile(fileName, text);
        parser.parseAll();
        return parser.variables;
    }

    private void parseAll() {
        while (next < lines.size()) {
            int lineNumber = next + 1;
            // Only leading space is cut here: trailing space may belong to a quoted value spanning lines.
            String line = lines.get(next++).stripLeading();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            line = EXPORT.matcher(line).replaceFirst("");
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw malformed(lineNumber, "expected NAME=value");
            }
            String name = line.substring(0, equals).strip();
            if (!NAME.matcher(name).matches()) {
                throw malformed(lineNumber, "the variable name must be letters, digits, '_' or '.'");
            }
            String rest = line.substring(equals + 1).stripLeading();
            variables.put(name, value(rest, lineNumber));
        }
    }

    private String value(String rest, int lineNumber) {
        if (rest.startsWith("\"") || rest.startsWith("'")) {
            return quotedValue(rest, lineNumber);
        }
        return withoutInlineComment(rest).strip();
    }

    private static String withoutInlineComment(String unquoted) {
        for (int i = 0; i < unquoted.length(); i++) {
            if (unquoted.charAt(i) == '#' && (i == 0 || Character.isWhitespace(unquoted.charAt(i - 1)))) {
                return unquoted.substring(0, i);
            }
        }
        return unquoted;
    }

    /** Reads up to the closing quote, continuing on following lines if the value spans several. */
    private String quotedValue(String rest, int startLine) {
        char quote = rest.charAt(0);
        StringBuilder value = new StringBuilder();
        String text = rest.substring(1);
        int lineNumber = startLine;
        while (true) {
            int close = closingQuote(text, quote);
            if (close >= 0) {
                value.append(text, 0, close);
                String after = text.substring(close + 1).strip();
                if (!after.isEmpty() && !after.startsWith("#")) {
                    throw malformed(lineNumber, "unexpected text after the closing quote");
                }
                break;
            }
            if (next >= lines.size()) {
                throw malformed(startLine, "the quoted value is never closed");
            }
            value.append(text).append('\n');
            text = lines.get(next++);
            lineNumber = next;
        }
        return quote == '"' ? unescape(value) : value.toString();
    }

    private static int closingQuote(String text, char quote) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++; // skip the escaped character, which may itself be a quote
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char escaped = raw.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '"', '\\' -> out.append(escaped);
                // Unknown escapes are kept as written, like Node's dotenv does.
                default -> out.append('\\').append(escaped);
            }
        }
        return out.toString();
    }

    private ConfigException malformed(int lineNumber, String problem) {
        return ConfigFileText.cannotRead(fileName, KIND, "line " + lineNumber + ": " + problem);
    }
}
