package dev.hankosync.config;

import java.util.List;
import java.util.Optional;

/**
 * Every setting hanko-sync understands, in one table: the property name used in {@code --config} files
 * (and as the key of the flag map the CLI hands to {@link SettingsLoader}), the command-line flag, the
 * environment variables, the default and a description for {@code --help}. The loader, the validator and
 * {@code config.example.properties} are all driven by (or tested against) this table.
 */
public enum SettingKey {

    HANKO_ADMIN_URL("hanko.admin.url", "--hanko-url", List.of("HANKO_ADMIN_URL"), null, true,
            ValueType.URL, "Hanko admin URL",
            "Base URL of the Hanko admin API: https://<tenant>.hanko.io/admin on Hanko Cloud,"
                    + " http://<host>:8001 when self-hosted."),
    HANKO_API_KEY("hanko.api.key", "--hanko-api-key", List.of("HANKO_API_KEY"), null, false,
            ValueType.SECRET, "Hanko API key",
            "Hanko Cloud admin API key. Leave unset for a self-hosted admin API, which has no auth."
                    + " Prefer the environment variable over the flag."),
    // Not required on its own: the database URL, when given, replaces the Supabase URL and key as the target.
    SUPABASE_URL("supabase.url", "--supabase-url", List.of("SUPABASE_URL"), null, false,
            ValueType.URL, "Supabase URL",
            "Supabase project URL, e.g. https://<project>.supabase.co. Required unless --database-url is given."),
    // SUPABASE_SERVICE_ROLE_KEY is listed first so it wins when both are set: it is the name most
    // existing setups use, and SUPABASE_SECRET_KEY (the newer key style) is read only when it is absent.
    SUPABASE_KEY("supabase.key", "--supabase-key", List.of("SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SECRET_KEY"),
            null, false, ValueType.SECRET, "Supabase key",
            "Supabase service_role key (eyJ...) or secret key (sb_secret_...); SUPABASE_SERVICE_ROLE_KEY"
                    + " wins over SUPABASE_SECRET_KEY. Required unless --database-url is given."
                    + " Prefer the environment variable over the flag."),
    DATABASE_URL("supabase.db.url", "--database-url", List.of("SUPABASE_DB_URL"), null, false,
            ValueType.DATABASE_URL, "database URL",
            "PostgreSQL connection string of the Supabase project (postgresql://... as the dashboard shows it,"
                    + " or jdbc:postgresql://...). When set, rows are written over this connection instead of the"
                    + " REST API, and the Supabase URL and key are not needed. The password may come from"
                    + " PGPASSWORD instead. Prefer the environment variable over the flag."),
    SCHEMA("supabase.schema", "--schema", List.of(), "public", false,
            ValueType.IDENTIFIER, "schema name", "Database schema that holds the table."),
    TABLE("supabase.table", "--table", List.of(), "users", false,
            ValueType.IDENTIFIER, "table name", "Table the users are written to."),
    USER_ID_COLUMN("column.user_id", "--user-id-column", List.of(), "user_id", false,
            ValueType.IDENTIFIER, "user id column", "Column holding the Hanko user id."),
    EMAIL_COLUMN("column.email", "--email-column", List.of(), "email", false,
            ValueType.IDENTIFIER, "email column", "Column holding the user's email address."),
    PAGE_SIZE("sync.page.size", "--page-size", List.of(), "100", false,
            ValueType.wholeNumber(1, 1000), "page size", "Hanko users requested per page (1-1000)."),
    DELETE_MISSING("sync.delete.missing", "--delete-missing", List.of(), "false", false,
            ValueType.YES_NO, "delete missing",
            "Delete rows whose user_id is not a Hanko user (true/false)."),
    MAX_DELETE("sync.max.delete", "--max-delete", List.of(), "100", false,
            ValueType.wholeNumber(0, Integer.MAX_VALUE), "max delete",
            "Refuse to delete when more rows than this are missing (0 or more)."),
    BATCH_SIZE("sync.batch.size", "--batch-size", List.of(), "500", false,
            ValueType.wholeNumber(1, 1000), "batch size", "Rows per insert request, and per delete request (1-1000). Updates go one row per request, several at once (--concurrency)."),
    CONCURRENCY("sync.concurrency", "--concurrency", List.of(), "4", false,
            ValueType.wholeNumber(1, 32), "concurrency", "Requests in flight at once (1-32)."),
    CONNECT_TIMEOUT("http.connect.timeout", "--connect-timeout", List.of(), "10", false,
            ValueType.seconds(1, Integer.MAX_VALUE), "connect timeout", "Seconds to wait for a connection."),
    READ_TIMEOUT("http.read.timeout", "--read-timeout", List.of(), "60", false,
            ValueType.seconds(1, Integer.MAX_VALUE), "read timeout", "Seconds to wait for response data."),
    CALL_TIMEOUT("http.call.timeout", "--call-timeout", List.of(), "120", false,
            ValueType.seconds(1, Integer.MAX_VALUE), "call timeout", "Seconds one whole request may take."),
    MAX_RETRIES("http.max.retries", "--max-retries", List.of(), "5", false,
            ValueType.wholeNumber(0, 20), "max retries",
            "Retries of a failed idempotent request (429, 5xx, network error), 0-20.");

    private final String property;
    private final String flag;
    private final List<String> environmentVariables;
    private final String defaultValue;
    private final boolean required;
    private final ValueType type;
    private final String label;
    private final String description;

    SettingKey(String property, String flag, List<String> environmentVariables, String defaultValue,
               boolean required, ValueType type, String label, String description) {
        this.property = property;
        this.flag = flag;
        this.environmentVariables = environmentVariables;
        this.defaultValue = defaultValue;
        this.required = required;
        this.type = type;
        this.label = label;
        this.description = description;
    }

    /** Name in a {@code --config} properties file, e.g. {@code sync.page.size}. */
    public String property() {
        return property;
    }

    /** Long command-line option, e.g. {@code --page-size}. */
    public String flag() {
        return flag;
    }

    /** Environment variables read for this setting, most preferred first; empty when none. */
    public List<String> environmentVariables() {
        return environmentVariables;
    }

    /** The default as text, or empty when there is none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether {@code sync} and {@code check} refuse to run without it, whatever the target. */
    public boolean required() {
        return required;
    }

    /**
     * Whether {@code sync} and {@code check} need it when the target is the REST API, i.e. when no
     * {@link #DATABASE_URL} is given.
     */
    public boolean requiredForRestTarget() {
        return required || this == SUPABASE_URL || this == SUPABASE_KEY;
    }

    public ValueType type() {
        return type;
    }

    /** Whether the value is a key, or may hold a password, and must never be printed. */
    public boolean secret() {
        return type instanceof ValueType.Secret || type instanceof ValueType.DatabaseUrl;
    }

    /** Short name used inside messages, e.g. "Supabase URL". */
    public String label() {
        return label;
    }

    /** One or two sentences for {@code --help} and the example config file. */
    public String description() {
        return description;
    }

    /** The setting with this property name, if any. */
    public static Optional<SettingKey> forProperty(String property) {
        for (SettingKey key : values()) {
            if (key.property.equals(property)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
