package dev.hankosync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /users}, read and validated as Hanko's handler does.
 *
 * @param page      as given (0 or absent means 1); may be negative, which only the Link header sees
 * @param perPage   as given (0 or absent means 20); may be negative, likewise
 * @param userIds   lower-case ids to restrict to, or null for no restriction
 * @param email     lower-case substring filter, or "" for none
 * @param username  lower-case substring filter, or "" for none (not in the spec, but in Hanko's code)
 */
record HankoSandboxListRequest(int page, int perPage, boolean ascending, List<String> userIds,
                               String email, String username) {

    /** Go's {@code uuid.FromString} also takes the 32-hex-digit form; braces and URNs are not worth mimicking. */
    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");

    static HankoSandboxListRequest parse(Map<String, List<String>> params) throws HankoSandboxBadRequest {
        int page = integer(HankoSandboxQueryString.first(params, "page"));
        int perPage = integer(HankoSandboxQueryString.first(params, "per_page"));
        String direction = HankoSandboxQueryString.first(params, "sort_direction");
        if (!direction.isEmpty() && !direction.equals("asc") && !direction.equals("desc")) {
            throw new HankoSandboxBadRequest("sort_direction must be desc or asc");
        }
        List<String> userIds = null;
        String rawIds = HankoSandboxQueryString.first(params, "user_id");
        if (!rawIds.isEmpty()) {
            userIds = new ArrayList<>();
            for (String id : rawIds.split(",", -1)) {
                if (!UUID.matcher(id).matches()) {
                    throw new HankoSandboxBadRequest("failed to parse user_id as uuid");
                }
                userIds.add(canonical(id));
            }
        }
        return new HankoSandboxListRequest(
                page == 0 ? 1 : page,
                perPage == 0 ? 20 : perPage,
                direction.equals("asc"),
                userIds,
                HankoSandboxQueryString.first(params, "email").toLowerCase(Locale.ROOT),
                HankoSandboxQueryString.first(params, "username").toLowerCase(Locale.ROOT));
    }

    /** The page the SQL reads: values below 1 fall back to the defaults there. */
    int effectivePage() {
        return page < 1 ? 1 : page;
    }

    int effectivePerPage() {
        return perPage < 1 ? 20 : perPage;
    }

    /** Echo binds an empty value as 0 and answers 400 with strconv's message for anything not an integer. */
    private static int integer(String value) throws HankoSandboxBadRequest {
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new HankoSandboxBadRequest("strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
        }
    }

    private static String canonical(String id) {
        String hex = id.replace("-", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
