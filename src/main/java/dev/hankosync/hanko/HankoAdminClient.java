package dev.hankosync.hanko;

import dev.hankosync.http.BodyBrokeOffException;
import dev.hankosync.http.ErrorBodies;
import dev.hankosync.http.Redaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link HankoDirectory} over Hanko's admin API ({@code GET /users}). Works with Hanko Cloud
 * ({@code https://<tenant>.hanko.io/admin} and a bearer API key) and self-hosted Hanko ({@code http://host:8001},
 * no key). Retries are left to the OkHttp client's interceptors; this class turns what remains into
 * {@link dev.hankosync.http.ApiException}s.
 */
public final class HankoAdminClient implements HankoDirectory {

    /**
     * Ids per lookup request: 100 UUIDs with encoded commas make a query of about 3,900 characters, well under the
     * 8,000 that proxies commonly allow for a whole URL.
     */
    static final int IDS_PER_REQUEST = 100;

    private final OkHttpClient http;
    private final HttpUrl usersUrl;
    private final String apiKey;
    private final int idsPerRequest;
    private final Consumer<String> warnings;
    private final AtomicBoolean warnedAboutTotalCount = new AtomicBoolean();

    /**
     * @param adminBaseUrl  e.g. {@code https://<tenant>.hanko.io/admin} or {@code http://host:8001}; a trailing
     *                      slash is ignored
     * @param apiKeyOrNull  the Hanko Cloud API key, or null (or blank) for a self-hosted admin API without auth
     * @throws IllegalArgumentException the URL is not an http(s) URL, or the key cannot go in an HTTP header
     */
    public HankoAdminClient(OkHttpClient http, String adminBaseUrl, String apiKeyOrNull) {
        this(http, adminBaseUrl, apiKeyOrNull, line -> { });
    }

    /**
     * @param warnings receives one line, once per client, when Hanko's answers lack a usable {@code X-Total-Count}
     *                 (the scan then cannot check itself against a count and walks the list again instead)
     */
    public HankoAdminClient(OkHttpClient http, String adminBaseUrl, String apiKeyOrNull, Consumer<String> warnings) {
        this(http, adminBaseUrl, apiKeyOrNull, IDS_PER_REQUEST, warnings);
    }

    HankoAdminClient(OkHttpClient http, String adminBaseUrl, String apiKeyOrNull, int idsPerRequest) {
        this(http, adminBaseUrl, apiKeyOrNull, idsPerRequest, line -> { });
    }

    private HankoAdminClient(OkHttpClient http, String adminBaseUrl, String apiKeyOrNull, int idsPerRequest,
                             Consumer<String> warnings) {
        this.http = Objects.requireNonNull(http, "http");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.apiKey = apiKeyOrNull == null || apiKeyOrNull.isBlank() ? null : apiKeyOrNull.strip();
        this.usersUrl = usersUrl(adminBaseUrl);
        this.idsPerRequest = idsPerRequest;
        if (apiKey != null && !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // checked here because OkHttp's own complaint about a bad header value could quote it
            throw new IllegalArgumentException(
                    "the Hanko API key contains spaces or non-ASCII characters; check HANKO_API_KEY");
        }
    }

    private static HttpUrl usersUrl(String adminBaseUrl) {
        HttpUrl base = adminBaseUrl == null ? null : HttpUrl.parse(adminBaseUrl.strip());
        if (base == null) {
            throw new IllegalArgumentException("the Hanko admin URL is not an http(s) URL: " + adminBaseUrl);
        }
        HttpUrl.Builder builder = base.newBuilder().query(null).fragment(null);
        List<String> segments = base.pathSegments();
        if (segments.get(segments.size() - 1).isEmpty()) {
            builder.removePathSegment(segments.size() - 1);
        }
        return builder.addPathSegment("users").build();
    }

    @Override
    public HankoPage page(int page, int perPage) {
        if (page < 1 || perPage < 1) {
            // Hanko would answer a nonsense Link header rather than an error; better to fail here
            throw new IllegalArgumentException("page and perPage must be at least 1: " + page + ", " + perPage);
        }
        HttpUrl url = usersUrl.newBuilder()
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("per_page", Integer.toString(perPage))
                .addQueryParameter("sort_direction", "asc")
                .build();
        return get(url, perPage);
    }

    @Override
    public List<HankoUser> findByIds(Collection<String> ids) {
        // canonical, de-duplicated, and only real UUIDs: Hanko answers 400 to the whole request for one bad id
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids) {
            String canonical = HankoIds.canonical(id);
            if (canonical != null) {
                wanted.add(canonical);
            }
        }
        List<String> all = new ArrayList<>(wanted);
        List<HankoUser> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += idsPerRequest) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + idsPerRequest));
            HttpUrl url = usersUrl.newBuilder()
                    .addQueryParameter("user_id", String.join(",", chunk))
                    .addQueryParameter("page", "1")
                    // Hanko's default page size is 20: without this a lookup of 100 ids would return 20 users
                    .addQueryParameter("per_page", Integer.toString(chunk.size()))
                    .addQueryParameter("sort_direction", "asc")
                    .build();
            for (HankoUser user : get(url, chunk.size()).users()) {
                // a server that ignored the filter must not make unrelated users look "found"
                if (wanted.contains(user.id())) {
                    found.add(user);
                }
            }
        }
        return found;
    }

    /** @param perPage the page size asked for: a longer page means the server ignored it */
    private HankoPage get(HttpUrl url, int perPage) {
        Request.Builder request = new Request.Builder().url(url).get().header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        Response response;
        try {
            response = http.newCall(request.build()).execute();
        } catch (BodyBrokeOffException e) {
            // the retry interceptor reads a successful body whole, so a broken one surfaces here, after its retries
            throw HankoErrorMessages.forBrokenBody("GET", url, e.status(), e, apiKey);
        } catch (IOException e) {
            throw HankoErrorMessages.forConnectionFailure("GET", url, e, apiKey);
        }
        try (response) {
            if (!response.isSuccessful()) {
                throw HankoErrorMessages.forStatus("GET", url, response.code(), ErrorBodies.read(response), apiKey);
            }
            ResponseBody body = response.body();
            List<HankoUser> users = HankoUserListReader.read(body.byteStream());
            if (users.size() > perPage) {
                // Offset paging only adds up when the server cuts pages where it was asked to.
                throw new MalformedUsersException(users.size() + " users for a page of " + perPage
                        + " (the server ignores per_page; is the URL Hanko's admin API?)");
            }
            return new HankoPage(users, totalCount(response.header("X-Total-Count"), url));
        } catch (MalformedUsersException e) {
            throw HankoErrorMessages.forMalformedBody("GET", url, response.code(), response.header("Content-Type"),
                    e.getMessage(), apiKey);
        } catch (IOException e) {
            throw HankoErrorMessages.forBrokenBody("GET", url, response.code(), e, apiKey);
        }
    }

    private long totalCount(String header, HttpUrl url) {
        long total = totalCount(header);
        if (total < 0 && warnedAboutTotalCount.compareAndSet(false, true)) {
            String got = header == null ? "no X-Total-Count header"
                    : "an X-Total-Count that is not a count (\"" + HankoErrorMessages.printable(header) + "\")";
            warnings.accept(Redaction.redact("Hanko sent " + got + " with GET " + url.encodedPath()
                    + "; the scan cannot check itself against the total, so it walks the list again to be sure",
                    apiKey));
        }
        return total;
    }

    /** -1 when the header is missing or not a non-negative number. */
    static long totalCount(String header) {
        if (header == null) {
            return -1;
        }
        try {
            long value = Long.parseLong(header.strip());
            return value < 0 ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
