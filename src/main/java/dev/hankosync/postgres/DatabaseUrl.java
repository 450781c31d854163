package dev.hankosync.postgres;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A PostgreSQL connection string turned into what pgJDBC takes: a JDBC URL without credentials, and connection
 * properties (user, password, parameters). Accepts the {@code postgresql://} URI the Supabase dashboard shows (and
 * {@code postgres://}) as well as a {@code jdbc:postgresql://} URL; see {@link DatabaseUrlParser} for the rules.
 *
 * <p>What it adds on top of the given parameters, each only when the URL does not set it:
 * <ul>
 *   <li>{@code sslmode=require} for any host but this machine: Supabase accepts TLS, and pgJDBC's default
 *       ({@code prefer}) would silently fall back to plain text;</li>
 *   <li>behind a transaction pooler (port 6543, {@code pgbouncer=true}, or {@code prepareThreshold=0} given):
 *       {@code prepareThreshold=0}, always, because named server-side statements break when the pooler hands the
 *       next transaction another backend (42P05 / 26000);</li>
 *   <li>{@code ApplicationName=hanko-sync} (visible in {@code pg_stat_activity}) and {@code tcpKeepAlive=true}.</li>
 * </ul>
 *
 * <p>The password is a secret: {@link #toString()} leaves it out and {@link #redact} removes it from any text.
 */
public final class DatabaseUrl {

    static final int DEFAULT_PORT = 5432;
    /** Supabase's pooler (Supavisor, or the dedicated PgBouncer) runs transaction mode on this port. */
    static final int TRANSACTION_POOLER_PORT = 6543;
    private static final String REDACTED = "<redacted>";
    // Shorter passwords are not searched for in messages: replacing every "ab" would garble them, not protect much.
    private static final int SHORTEST_REDACTED = 4;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;
    private final boolean transactionPooled;

    DatabaseUrl(String host, int port, String database, String user, String password, Map<String, String> parameters,
                boolean transactionPooled) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.database = Objects.requireNonNull(database, "database");
        this.user = Objects.requireNonNull(user, "user");
        this.password = password;
        this.parameters = new TreeMap<>(parameters);
        this.transactionPooled = transactionPooled;
    }

    /**
     * Parses a connection string.
     *
     * @param text       {@code postgresql://user:password@host:port/database?param=value} or
     *                   {@code jdbc:postgresql://host:port/database?user=...&password=...}
     * @param pgPassword {@code PGPASSWORD}, used when the text carries no password (as with libpq); may be null
     * @throws InvalidDatabaseUrlException with a message that never quotes the text (it may hold the password)
     */
    public static DatabaseUrl parse(String text, String pgPassword) {
        return DatabaseUrlParser.parse(text, pgPassword);
    }

    /** {@code jdbc:postgresql://host:port/database}: no credentials, no parameters (those go in the properties). */
    public String jdbcUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + urlEncodedPath(database);
    }

    /** Everything pgJDBC needs besides {@link #jdbcUrl()}, including the password. A fresh copy on every call. */
    Properties connectionProperties() {
        Properties properties = new Properties();
        parameters.forEach(properties::setProperty);
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The host name or address (IPv6 without brackets). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public boolean hasPassword() {
        return password != null;
    }

    /** Whether a transaction pooler sits in between, so that no state may outlive a transaction. */
    public boolean transactionPooled() {
        return transactionPooled;
    }

    /** A pgJDBC parameter as it will be sent (after the defaults above), e.g. {@code sslmode}; null when unset. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /** Whether the host is this machine, judged by name only (no DNS lookup). */
    public boolean loopback() {
        return isLoopback(host);
    }

    /**
     * A copy with pgJDBC's timeouts: {@code connectTimeout} and {@code loginTimeout} for opening the connection,
     * {@code socketTimeout} for any one wait on the server. Values the URL sets itself are kept.
     */
    public DatabaseUrl withTimeouts(Duration connect, Duration socket) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.putIfAbsent("connectTimeout", Long.toString(Math.max(1, connect.toSeconds())));
        copy.putIfAbsent("loginTimeout", Long.toString(Math.max(1, connect.toSeconds())));
        copy.putIfAbsent("socketTimeout", Long.toString(Math.max(1, socket.toSeconds())));
        return new DatabaseUrl(host, port, database, user, password, copy, transactionPooled);
    }

    /** The text with the password (as given and percent-encoded) replaced, for messages from the driver. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : new String[] {password, parameters.get("sslpassword")}) {
            if (secret != null && secret.length() >= SHORTEST_REDACTED) {
                result = result.replace(secret, REDACTED)
                        .replace(DatabaseUrlParser.percentEncode(secret), REDACTED);
            }
        }
        return result;
    }

    /** {@code user@host:port/database}, the way messages name the database; never the password. */
    public String displayName() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return user + "@" + hostPart + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + displayName() + ", password=" + (password == null ? "(none)" : REDACTED)
                + ", sslmode=" + parameters.getOrDefault("sslmode", "(driver default)")
                + (transactionPooled ? ", transaction pooler" : "") + "]";
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}")
                || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
    }

    private static String urlEncodedPath(String segment) {
        return DatabaseUrlParser.percentEncode(segment);
    }
}
