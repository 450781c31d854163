package dev.hankosync.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The keys the Supabase sandbox accepts, shaped like the real ones but random (nothing verifies a signature).
 * Any of them may be null: that style of key is then unknown to the sandbox.
 *
 * @param serviceRoleKey legacy service-role JWT ({@code eyJ...}, payload role {@code service_role})
 * @param anonKey        legacy anon JWT (payload role {@code anon}): passes the gateway, has no rights on tables
 * @param secretKey      new secret key {@code sb_secret_...}: the service role, sent in {@code apikey} only
 * @param publishableKey new publishable key {@code sb_publishable_...}: the anon role
 */
public record SupabaseSandboxKeys(String serviceRoleKey, String anonKey, String secretKey, String publishableKey) {

    static final String SERVICE_ROLE = "service_role";
    static final String ANON = "anon";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** One key of each style, fresh for this sandbox. */
    public static SupabaseSandboxKeys generate() {
        return new SupabaseSandboxKeys(jwt(SERVICE_ROLE), jwt(ANON), "sb_secret_" + random(24),
                "sb_publishable_" + random(24));
    }

    /**
     * The database role a request runs as, deciding like Supabase's gateway and PostgREST together:
     * <ul>
     *   <li>no {@code apikey} → 401 "No API key found in request"; an unknown one → 401 "Invalid API key";</li>
     *   <li>an {@code Authorization} header that is not {@code Bearer sb_...} is passed through to PostgREST, which
     *       takes the role from the bearer JWT (an unknown or malformed token → 401 PGRST301);</li>
     *   <li>otherwise the gateway translates the {@code apikey}: secret → service_role, publishable → anon, and a
     *       legacy JWT without its own {@code Authorization} header reaches PostgREST without "Bearer", i.e. as
     *       anon (the reference's reading of the gateway code).</li>
     * </ul>
     */
    String roleFor(String apikey, String authorization) throws PostgrestException {
        if (apikey == null || apikey.isEmpty()) {
            throw new PostgrestException(401, null, "No API key found in request",
                    null, "No 'apikey' request header or url param was found.");
        }
        String apikeyRole = roleOfKey(apikey);
        if (apikeyRole == null) {
            throw new PostgrestException(401, null, "Invalid API key", null,
                    "Double check your Supabase `anon` or `service_role` API key.");
        }
        if (authorization != null && authorization.startsWith("Bearer sb_")) {
            if (!authorization.substring("Bearer ".length()).equals(apikey)) {
                throw PostgrestException.of(401, "PGRST301", "Expected 3 parts in JWT; got 1");
            }
            authorization = null; // the same key twice is what supabase-js sends; the gateway translates apikey
        }
        if (authorization == null) {
            return apikey.startsWith("sb_") ? apikeyRole : ANON;
        }
        String[] scheme = authorization.split(" ", 2);
        if (scheme.length < 2 || !scheme[0].equalsIgnoreCase("bearer")) {
            return ANON;
        }
        String token = scheme[1].strip();
        if (token.isEmpty()) {
            throw PostgrestException.of(401, "PGRST301", "Empty JWT is sent in Authorization header");
        }
        int parts = token.split("\\.", -1).length;
        if (parts != 3) {
            throw PostgrestException.of(401, "PGRST301", "Expected 3 parts in JWT; got " + parts);
        }
        String role = token.equals(serviceRoleKey) ? SERVICE_ROLE : token.equals(anonKey) ? ANON : null;
        if (role == null) {
            throw PostgrestException.of(401, "PGRST301", "JWT cryptographic operation failed");
        }
        return role;
    }

    @Override
    public String toString() {
        return "SupabaseSandboxKeys[<redacted>]";
    }

    private String roleOfKey(String key) {
        if (key.equals(serviceRoleKey) || key.equals(secretKey)) {
            return SERVICE_ROLE;
        }
        if (key.equals(anonKey) || key.equals(publishableKey)) {
            return ANON;
        }
        return null;
    }

    private static String jwt(String role) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"supabase-sandbox\",\"ref\":\"sandbox\",\"role\":\"" + role + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 10L * 365 * 24 * 3600) + "}";
        return base64url(header) + "." + base64url(payload) + "." + random(32);
    }

    private static String base64url(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return BASE64URL.encodeToString(data);
    }
}
