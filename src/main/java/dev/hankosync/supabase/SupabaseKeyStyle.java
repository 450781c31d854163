package dev.hankosync.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What kind of Supabase key this is and which database role it acts as, read from the key alone (for
 * {@code hanko-sync check}). A legacy key is a JWT whose payload names its role; the payload is only base64, so it
 * is read without verifying the signature, which only the server can do. New keys say their kind in their prefix:
 * a secret key acts as {@code service_role}, a publishable key as {@code anon}.
 *
 * @param style what the key looks like
 * @param role  the role it acts as ({@code service_role}, {@code anon}, ...), or null when it cannot be read
 */
public record SupabaseKeyStyle(Style style, String role) {

    public enum Style {
        /** {@code sb_secret_...}: for servers; sent in {@code apikey} only. */
        SECRET("secret key"),
        /** {@code sb_publishable_...}: for browsers. */
        PUBLISHABLE("publishable key"),
        /** {@code eyJ...}: a JWT, the service_role or anon key of projects made before the new keys. */
        LEGACY_JWT("legacy JWT key"),
        /** Anything else. */
        UNKNOWN("key of an unknown style");

        private final String description;

        Style(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public static final String SERVICE_ROLE = "service_role";
    public static final String ANON = "anon";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SupabaseKeyStyle of(String key) {
        if (key.startsWith("sb_secret_")) {
            return new SupabaseKeyStyle(Style.SECRET, SERVICE_ROLE);
        }
        if (key.startsWith("sb_publishable_")) {
            return new SupabaseKeyStyle(Style.PUBLISHABLE, ANON);
        }
        String[] parts = key.split("\\.", -1);
        if (key.startsWith("eyJ") && parts.length == 3) {
            return new SupabaseKeyStyle(Style.LEGACY_JWT, roleClaim(parts[1]));
        }
        return new SupabaseKeyStyle(Style.UNKNOWN, null);
    }

    /** Whether the key bypasses row-level security, as the sync needs: service_role, or a secret key. */
    public boolean privileged() {
        return SERVICE_ROLE.equals(role);
    }

    /** Whether the key is meant for browsers: RLS decides what it sees, and the sync would misread hidden rows. */
    public boolean browserKey() {
        return ANON.equals(role);
    }

    private static String roleClaim(String payload) {
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            JsonNode role = claims == null ? null : claims.get("role");
            return role != null && role.isTextual() ? role.asText() : null;
        } catch (IllegalArgumentException | IOException notAPayload) {
            return null;
        }
    }

    @Override
    public String toString() {
        return style.description() + (role == null ? "" : ", role " + role);
    }
}
