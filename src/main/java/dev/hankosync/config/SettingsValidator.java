package dev.hankosync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns resolved text values into {@link Settings}, or stops at the first bad one with a one-line
 * {@link ConfigException} that names where the value came from. Doubtful but usable values become
 * warnings instead.
 */
final class SettingsValidator {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // PostgreSQL truncates longer names (NAMEDATALEN - 1), which would silently address another table.
    private static final int LONGEST_IDENTIFIER = 63;
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");
    // What libpq and pgJDBC accept; the postgres package parses the rest (host, port, parameters) when it connects.
    private static final List<String> DATABASE_URL_SCHEMES = List.of("postgresql://", "postgres://", "jdbc:postgresql:");

    private final Map<SettingKey, ResolvedValue> values;
    private final String databasePassword;
    private final boolean requireComplete;
    private final DisplayedValue display;
    private final List<String> warnings;

    /** @param databasePassword {@code PGPASSWORD}, or null */
    SettingsValidator(Map<SettingKey, ResolvedValue> values, String databasePassword, boolean requireComplete,
                      List<String> warnings) {
        this.values = values;
        this.databasePassword = databasePassword;
        this.requireComplete = requireComplete;
        this.warnings = warnings;
        List<String> keys = new ArrayList<>();
        for (Map.Entry<SettingKey, ResolvedValue> entry : values.entrySet()) {
            if (entry.getKey().secret()) {
                keys.add(entry.getValue().text());
            }
        }
        if (databasePassword != null) {
            keys.add(databasePassword);
        }
        this.display = new DisplayedValue(keys);
    }

    Settings validate() {
        // Checked in table order, so the first problem reported is stable from run to run.
        boolean targetsDatabase = values.containsKey(SettingKey.DATABASE_URL);
        for (SettingKey key : SettingKey.values()) {
            boolean needed = targetsDatabase ? key.required() : key.requiredForRestTarget();
            if (!values.containsKey(key) && needed && requireComplete) {
                throw new ConfigException(missingMessage(key));
            }
        }
        String databaseUrl = databaseUrl(SettingKey.DATABASE_URL);
        Settings settings = new Settings(
                url(SettingKey.HANKO_ADMIN_URL),
                secret(SettingKey.HANKO_API_KEY),
                url(SettingKey.SUPABASE_URL),
                secret(SettingKey.SUPABASE_KEY),
                identifier(SettingKey.SCHEMA),
                identifier(SettingKey.TABLE),
                identifier(SettingKey.USER_ID_COLUMN),
                identifier(SettingKey.EMAIL_COLUMN),
                wholeNumber(SettingKey.PAGE_SIZE),
                yesNo(SettingKey.DELETE_MISSING),
                wholeNumber(SettingKey.MAX_DELETE),
                wholeNumber(SettingKey.BATCH_SIZE),
                wholeNumber(SettingKey.CONCURRENCY),
                Duration.ofSeconds(wholeNumber(SettingKey.CONNECT_TIMEOUT)),
                Duration.ofSeconds(wholeNumber(SettingKey.READ_TIMEOUT)),
                Duration.ofSeconds(wholeNumber(SettingKey.CALL_TIMEOUT)),
                wholeNumber(SettingKey.MAX_RETRIES),
                databaseUrl,
                databaseUrl == null ? null : databasePassword);
        warnAboutDoubtfulValues(settings);
        return settings;
    }

    static String missingMessage(SettingKey key) {
        StringBuilder message = new StringBuilder("missing ").append(key.label()).append(": set ").append(key.flag());
        if (!key.environmentVariables().isEmpty()) {
            message.append(", ").append(String.join(" or ", key.environmentVariables()));
        }
        message.append(", or ").append(key.property()).append(" in the config file");
        if (!key.required() && key.requiredForRestTarget()) {
            message.append(" (or write to the database directly with ").append(SettingKey.DATABASE_URL.flag())
                    .append(" / ").append(SettingKey.DATABASE_URL.environmentVariables().get(0)).append(")");
        }
        return message.toString();
    }

    private String url(SettingKey key) {
        ResolvedValue value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value.text();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalidUrl(key, value, "it is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidUrl(key, value, "it must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalidUrl(key, value, "it must not contain a user name or password; keys belong in their own settings");
        }
        if (uri.getHost() == null) {
            throw invalidUrl(key, value, "it has no host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalidUrl(key, value, "it must not have a query (?...) or fragment (#...)");
        }
        String trimmed = text.replaceAll("/+$", "");
        if (key == SettingKey.SUPABASE_URL && trimmed.matches("(?i).*/rest/v1")) {
            // the dashboard shows the REST endpoint; the tool wants the project URL and adds /rest/v1 itself
            throw invalidUrl(key, value, "give the project URL without /rest/v1, e.g. "
                    + trimmed.substring(0, trimmed.length() - "/rest/v1".length()));
        }
        return trimmed;
    }

    private ConfigException invalidUrl(SettingKey key, ResolvedValue value, String problem) {
        return invalid(key, display.quotedUrl(value.text()), value, problem);
    }

    private String secret(SettingKey key) {
        ResolvedValue value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!PRINTABLE_ASCII.matcher(value.text()).matches()) {
            // Such a key would be rejected when put into an HTTP header, with a less helpful error.
            throw invalid(key, "", value, "it contains spaces, line breaks or non-ASCII characters");
        }
        return value.text();
    }

    /**
     * Only the shape is checked here (scheme, no spaces); the value is never quoted in a message, since it may hold
     * a password.
     */
    private String databaseUrl(SettingKey key) {
        ResolvedValue value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value.text();
        String lower = text.toLowerCase(Locale.ROOT);
        if (DATABASE_URL_SCHEMES.stream().noneMatch(lower::startsWith)) {
            throw invalid(key, "", value, "it must start with postgresql:// (the connection string the Supabase"
                    + " dashboard shows) or jdbc:postgresql://");
        }
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw invalid(key, "", value, "it contains spaces or line breaks; percent-encode them (%20)");
        }
        return text;
    }

    private String identifier(SettingKey key) {
        ResolvedValue value = values.get(key);
        String text = value.text();
        if (!IDENTIFIER.matcher(text).matches() || text.length() > LONGEST_IDENTIFIER) {
            throw invalid(key, display.quoted(text), value, "use letters, digits and underscores, starting"
                    + " with a letter or underscore, at most " + LONGEST_IDENTIFIER + " characters");
        }
        return text;
    }

    private int wholeNumber(SettingKey key) {
        ResolvedValue value = values.get(key);
        ValueType.WholeNumber range = (ValueType.WholeNumber) key.type();
        int number;
        try {
            number = Integer.parseInt(value.text());
        } catch (NumberFormatException e) {
            throw invalidNumber(key, value, range);
        }
        if (number < range.min() || number > range.max()) {
            throw invalidNumber(key, value, range);
        }
        return number;
    }

    private ConfigException invalidNumber(SettingKey key, ResolvedValue value, ValueType.WholeNumber range) {
        return invalid(key, display.quoted(value.text()), value, "it must be " + range.describeRange());
    }

    private boolean yesNo(SettingKey key) {
        ResolvedValue value = values.get(key);
        switch (value.text().toLowerCase(Locale.ROOT)) {
            case "true", "yes":
                return true;
            case "false", "no":
                return false;
            default:
                throw invalid(key, display.quoted(value.text()), value, "it must be true or false");
        }
    }

    private static ConfigException invalid(SettingKey key, String shownValue, ResolvedValue value, String problem) {
        return new ConfigException("invalid " + key.label() + shownValue + " from " + value.origin() + ": " + problem);
    }

    private void warnAboutDoubtfulValues(Settings settings) {
        if (settings.hankoApiKey() != null) {
            warnIfPlainHttp(SettingKey.HANKO_ADMIN_URL, settings.hankoAdminUrl(), "Hanko API key");
        }
        if (settings.supabaseKey() != null) {
            warnIfPlainHttp(SettingKey.SUPABASE_URL, settings.supabaseUrl(), "Supabase key");
            if (SupabasePublicKey.isPublic(settings.supabaseKey())) {
                warnings.add("the Supabase key from " + values.get(SettingKey.SUPABASE_KEY).origin()
                        + " is a public (anon or publishable) key: row-level security can hide rows and refuse"
                        + " writes; use the service_role or secret key");
            }
        }
        if (settings.hankoAdminUrl() != null) {
            URI uri = URI.create(settings.hankoAdminUrl());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (HankoCloudUrl.isCloudHost(uri.getHost()) && path.isEmpty()) {
                warnings.add("the Hanko admin URL from " + values.get(SettingKey.HANKO_ADMIN_URL).origin()
                        + " is a Hanko Cloud URL without /admin; the admin API is " + settings.hankoAdminUrl()
                        + "/admin");
            }
        }
    }

    private void warnIfPlainHttp(SettingKey key, String url, String keyName) {
        if (url == null) {
            return;
        }
        URI uri = URI.create(url);
        if ("http".equalsIgnoreCase(uri.getScheme()) && !LoopbackHost.is(uri.getHost())) {
            warnings.add("the " + key.label() + " from " + values.get(key).origin() + " uses http:// to "
                    + uri.getHost() + ", another machine: the " + keyName + " travels unencrypted; use https://");
        }
    }
}
