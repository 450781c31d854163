package dev.hankosync.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps environment variables (from the process or from an env file) to settings. Besides each
 * setting's own variables it reads the names from Hanko's Supabase guide, as a Next.js app's
 * {@code .env.local} holds them, when the tool's own names are absent:
 * {@code NEXT_PUBLIC_SUPABASE_PROJECT_URL} as the Supabase URL, and {@code NEXT_PUBLIC_HANKO_API_URL}
 * turned into the admin URL when it is a Hanko Cloud URL.
 */
final class EnvironmentNames {

    static final String GUIDE_SUPABASE_URL = "NEXT_PUBLIC_SUPABASE_PROJECT_URL";
    static final String GUIDE_HANKO_API_URL = "NEXT_PUBLIC_HANKO_API_URL";
    /** libpq's password variable; the database URL's password, when the URL carries none. */
    static final String PGPASSWORD = "PGPASSWORD";

    private EnvironmentNames() {
    }

    /** Settings from the process environment. */
    static SettingLayer fromProcess(Map<String, String> environment) {
        return layer(environment, "");
    }

    /** Settings from a dotenv file; origins name the file so messages point at it. */
    static SettingLayer fromFile(Map<String, String> variables, String fileName) {
        return layer(variables, " in " + fileName);
    }

    /**
     * {@code PGPASSWORD} from the process environment, else from the env file; null when neither has it. It is not
     * a setting of its own (no flag, no property): it only completes the database URL, as it does for psql.
     */
    static String databasePassword(Map<String, String> environment, Map<String, String> envFileVariables) {
        for (Map<String, String> variables : List.of(environment, envFileVariables)) {
            String password = variables.get(PGPASSWORD);
            if (!SettingLayer.isBlank(password)) {
                return password;
            }
        }
        return null;
    }

    /** Whether the variables hold a key or password, i.e. the file that holds them must be private. */
    static boolean holdKey(Map<String, String> variables) {
        if (!SettingLayer.isBlank(variables.get(PGPASSWORD))) {
            return true;
        }
        for (SettingKey key : SettingKey.values()) {
            if (key.secret()) {
                for (String name : key.environmentVariables()) {
                    if (!SettingLayer.isBlank(variables.get(name))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static SettingLayer layer(Map<String, String> variables, String where) {
        Map<SettingKey, ResolvedValue> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            // The first variable listed wins, e.g. SUPABASE_SERVICE_ROLE_KEY over SUPABASE_SECRET_KEY.
            for (String name : key.environmentVariables()) {
                String text = variables.get(name);
                if (!SettingLayer.isBlank(text)) {
                    values.put(key, new ResolvedValue(text.strip(), name + where));
                    break;
                }
            }
        }
        String projectUrl = variables.get(GUIDE_SUPABASE_URL);
        if (!values.containsKey(SettingKey.SUPABASE_URL) && !SettingLayer.isBlank(projectUrl)) {
            values.put(SettingKey.SUPABASE_URL, new ResolvedValue(projectUrl.strip(), GUIDE_SUPABASE_URL + where));
        }
        Map<SettingKey, List<String>> hints = new EnumMap<>(SettingKey.class);
        String hankoApiUrl = variables.get(GUIDE_HANKO_API_URL);
        if (!values.containsKey(SettingKey.HANKO_ADMIN_URL) && !SettingLayer.isBlank(hankoApiUrl)) {
            HankoCloudUrl.adminUrlFor(hankoApiUrl).ifPresentOrElse(
                    adminUrl -> values.put(SettingKey.HANKO_ADMIN_URL,
                            new ResolvedValue(adminUrl, GUIDE_HANKO_API_URL + where + " (plus /admin)")),
                    () -> hints.put(SettingKey.HANKO_ADMIN_URL, List.of(notCloudHint(where))));
        }
        return new SettingLayer(values, hints);
    }

    private static String notCloudHint(String where) {
        return GUIDE_HANKO_API_URL + where + " is not a Hanko Cloud URL (https://<tenant>.hanko.io), so no"
                + " admin URL is derived from it: a self-hosted Hanko serves its admin API on a different"
                + " port (usually 8001); set " + SettingKey.HANKO_ADMIN_URL.environmentVariables().get(0)
                + " or " + SettingKey.HANKO_ADMIN_URL.flag();
    }
}
