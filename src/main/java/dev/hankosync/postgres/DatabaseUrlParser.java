package dev.hankosync.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Reads the two spellings of a connection string into a {@link DatabaseUrl}.
 *
 * <p>{@code postgresql://} follows libpq: percent-encoded user, password and database; libpq parameter names are
 * mapped to pgJDBC's ({@code application_name}, {@code connect_timeout}); others pass through, so pgJDBC names such
 * as {@code prepareThreshold} work too. The user info ends at the last {@code @} before the query, so a password
 * with an unencoded {@code @} or {@code /} still parses. {@code jdbc:postgresql://} is read by pgJDBC itself.
 *
 * <p>No message quotes the text or a piece of it: a misplaced character can shift the password into any part.
 */
final class DatabaseUrlParser {

    private static final String[] URI_SCHEMES = {"postgresql://", "postgres://"};
    private static final String JDBC_SCHEME = "jdbc:postgresql:";
    /** Every Supabase project's database is named postgres (libpq would default to the user name instead). */
    private static final String DEFAULT_DATABASE = "postgres";
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "dbname", "PGDBNAME");
    // The dashboard's template: postgresql://postgres:[YOUR-PASSWORD]@db.<ref>.supabase.co:5432/postgres
    private static final Pattern PASSWORD_PLACEHOLDER = Pattern.compile("\\[[A-Z_ -]*PASSWORD[A-Z_ -]*]",
            Pattern.CASE_INSENSITIVE);

    private DatabaseUrlParser() {
    }

    static DatabaseUrl parse(String text, String pgPassword) {
        if (text == null || text.isBlank()) {
            throw new InvalidDatabaseUrlException("the database URL is empty");
        }
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        Parts parts;
        if (lower.startsWith(JDBC_SCHEME)) {
            parts = fromJdbc(trimmed);
        } else {
            parts = null;
            for (String scheme : URI_SCHEMES) {
                if (lower.startsWith(scheme)) {
                    parts = fromUri(trimmed.substring(scheme.length()));
                }
            }
            if (parts == null) {
                throw new InvalidDatabaseUrlException("the database URL must start with postgresql:// or"
                        + " jdbc:postgresql://");
            }
        }
        return complete(parts, pgPassword);
    }

    /** What both spellings yield before defaults are applied. Parameters use pgJDBC's names. */
    private static final class Parts {
        String host;
        int port = DatabaseUrl.DEFAULT_PORT;
        String database;
        String user;
        String password;
        final Map<String, String> parameters = new LinkedHashMap<>();
    }

    private static Parts fromUri(String rest) {
        Parts parts = new Parts();
        int queryStart = rest.indexOf('?');
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int at = beforeQuery.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = beforeQuery.substring(0, at);
            int colon = userInfo.indexOf(':');
            parts.user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            parts.password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
        }
        String hostAndPath = beforeQuery.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        readHostAndPort(slash < 0 ? hostAndPath : hostAndPath.substring(0, slash), parts);
        if (slash >= 0 && slash + 1 < hostAndPath.length()) {
            parts.database = decode(hostAndPath.substring(slash + 1), "database name");
        }
        if (queryStart >= 0) {
            readQuery(rest.substring(queryStart + 1), parts);
        }
        return parts;
    }

    private static void readHostAndPort(String hostPort, Parts parts) {
        if (hostPort.contains(",")) {
            throw new InvalidDatabaseUrlException("the database URL names several hosts; hanko-sync connects to one");
        }
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new InvalidDatabaseUrlException("the database URL has an IPv6 host without its closing ]");
            }
            parts.host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new InvalidDatabaseUrlException("the database URL has characters after its IPv6 host");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            parts.host = decode(colon < 0 ? hostPort : hostPort.substring(0, colon), "host");
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (portText != null && !portText.isEmpty()) {
            parts.port = port(portText);
        }
    }

    private static void readQuery(String query, Parts parts) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "parameter name");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "parameter value");
            switch (name) {
                case "user" -> parts.user = value;
                case "password" -> parts.password = value;
                case "host", "hostaddr", "port" -> throw new InvalidDatabaseUrlException("the database URL sets "
                        + name + " as a parameter; put the host and port before the path instead");
                default -> {
                    String mapped = LIBPQ_TO_PGJDBC.getOrDefault(name, name);
                    if (mapped.equals("PGDBNAME")) {
                        parts.database = value;
                    } else {
                        parts.parameters.put(mapped, value);
                    }
                }
            }
        }
    }

    private static Parts fromJdbc(String text) {
        String afterScheme = text.substring(JDBC_SCHEME.length());
        if (afterScheme.startsWith("//")) {
            String authority = afterScheme.substring(2).split("[/?]", 2)[0];
            // pgJDBC cannot read user info and would log the rest of the authority as a bad port number.
            if (authority.contains("@")) {
                throw new InvalidDatabaseUrlException("a jdbc:postgresql:// URL cannot carry user:password@; pass"
                        + " ?user=...&password=... or use the postgresql://user:password@host/... form");
            }
        }
        Properties properties = Driver.parseURL(text, new Properties());
        if (properties == null) {
            throw new InvalidDatabaseUrlException("the database URL is not a valid jdbc:postgresql:// URL");
        }
        Parts parts = new Parts();
        String hosts = properties.getProperty("PGHOST", "");
        if (hosts.contains(",")) {
            throw new InvalidDatabaseUrlException("the database URL names several hosts; hanko-sync connects to one");
        }
        parts.host = hosts.startsWith("[") && hosts.endsWith("]") ? hosts.substring(1, hosts.length() - 1) : hosts;
        parts.port = port(properties.getProperty("PGPORT", Integer.toString(DatabaseUrl.DEFAULT_PORT)));
        parts.database = properties.getProperty("PGDBNAME");
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name);
            switch (name) {
                case "PGHOST", "PGPORT", "PGDBNAME" -> { }
                case "user" -> parts.user = value;
                case "password" -> parts.password = value;
                default -> parts.parameters.put(name, value);
            }
        }
        return parts;
    }

    private static DatabaseUrl complete(Parts parts, String pgPassword) {
        if (parts.host == null || parts.host.isBlank()) {
            throw new InvalidDatabaseUrlException("the database URL has no host name");
        }
        if (parts.user == null || parts.user.isBlank()) {
            throw new InvalidDatabaseUrlException("the database URL has no user name (on Supabase: postgres, or"
                    + " postgres.<project-ref> through the pooler)");
        }
        String password = parts.password != null && !parts.password.isEmpty() ? parts.password
                : pgPassword != null && !pgPassword.isEmpty() ? pgPassword : null;
        if (password != null && PASSWORD_PLACEHOLDER.matcher(password).matches()) {
            throw new InvalidDatabaseUrlException("the database URL still holds the dashboard's password placeholder;"
                    + " put the database password there, or leave it out and set PGPASSWORD");
        }
        Map<String, String> parameters = new LinkedHashMap<>(parts.parameters);
        boolean pgbouncer = "true".equalsIgnoreCase(parameters.remove("pgbouncer")); // Prisma's flag, not pgJDBC's
        boolean transactionPooled = parts.port == DatabaseUrl.TRANSACTION_POOLER_PORT || pgbouncer
                || "0".equals(parameters.get("prepareThreshold"));
        if (transactionPooled) {
            parameters.put("prepareThreshold", "0");
        }
        if (!DatabaseUrl.isLoopback(parts.host) && !parameters.containsKey("sslmode")
                && !parameters.containsKey("ssl")) {
            parameters.put("sslmode", "require");
        }
        parameters.putIfAbsent("ApplicationName", "hanko-sync");
        parameters.putIfAbsent("tcpKeepAlive", "true");
        String database = parts.database == null || parts.database.isEmpty() ? DEFAULT_DATABASE : parts.database;
        return new DatabaseUrl(parts.host, parts.port, database, parts.user, password, parameters, transactionPooled);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidDatabaseUrlException("the database URL's port is not a number from 1 to 65535 (a password"
                + " with special characters must be percent-encoded, e.g. ? as %3F)");
    }

    /** Percent-decoding as in URIs: {@code +} stays a plus sign (libpq does not read it as a space). */
    static String decode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new InvalidDatabaseUrlException("the database URL's " + what
                            + " has a % that does not start a %XX escape; write % itself as %25");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
