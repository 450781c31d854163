package dev.hankosync.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Recognises Supabase keys meant for browsers (the legacy {@code anon} JWT or an {@code sb_publishable_}
 * key). With one of those, row-level security can hide rows and refuse writes, which the sync would
 * misread as missing rows, so the loader warns.
 */
final class SupabasePublicKey {

    private static final Pattern ANON_ROLE = Pattern.compile("\"role\"\\s*:\\s*\"anon\"");

    private SupabasePublicKey() {
    }

    static boolean isPublic(String key) {
        if (key.startsWith("sb_publishable_")) {
            return true;
        }
        String[] parts = key.split("\\.");
        if (!key.startsWith("eyJ") || parts.length != 3) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return ANON_ROLE.matcher(payload).find();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
