package dev.hankosync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Knows the shape of Hanko Cloud URLs: a tenant's public API is {@code https://<tenant>.hanko.io} and its
 * admin API is the same URL plus {@code /admin}. A self-hosted Hanko serves its admin API on another
 * port (8001 by default), which cannot be derived from the public URL, so nothing is guessed for it.
 */
final class HankoCloudUrl {

    private static final String CLOUD_DOMAIN_SUFFIX = ".hanko.io";

    private HankoCloudUrl() {
    }

    /** The admin API URL for a Hanko Cloud public API URL; empty when the URL is not one. */
    static Optional<String> adminUrlFor(String publicApiUrl) {
        URI uri = parse(publicApiUrl.strip());
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || !isCloudHost(uri.getHost())
                || uri.getPort() != -1 || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of("https://" + uri.getHost().toLowerCase(Locale.ROOT) + "/admin");
    }

    /** Whether the host is a Hanko Cloud tenant host, {@code <tenant>.hanko.io}. */
    static boolean isCloudHost(String host) {
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(CLOUD_DOMAIN_SUFFIX);
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
