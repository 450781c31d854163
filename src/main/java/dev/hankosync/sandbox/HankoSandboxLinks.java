package dev.hankosync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code Link} header of {@code GET /users}, built as Hanko's {@code pagination.CreateHeader} builds it. */
final class HankoSandboxLinks {

    private HankoSandboxLinks() {
    }

    /**
     * @param base    scheme, host and path of the request, e.g. {@code http://127.0.0.1:4711/users}
     * @param params  the request's query parameters; kept (sorted by key) with page and per_page overwritten
     * @param page    the page as requested (0 already replaced by 1)
     * @param perPage the page size as requested (0 already replaced by 20)
     */
    static String header(String base, Map<String, List<String>> params, long total, int page, int perPage) {
        // Go's integer arithmetic, including its truncation for the negative sizes Hanko does not reject
        long lastPage = total % perPage == 0 ? total / perPage : total / perPage + 1;
        if (lastPage == 0) {
            lastPage = 1;
        }
        List<String> links = new ArrayList<>();
        if (page != 1 || page == lastPage) {
            links.add(link(base, params, "first", perPage, 1));
        }
        if (page != lastPage) {
            links.add(link(base, params, "last", perPage, lastPage));
        }
        if (page < lastPage) {
            links.add(link(base, params, "next", perPage, page + 1L));
        }
        if (page > 1) {
            links.add(link(base, params, "prev", perPage, page - 1L));
        }
        return String.join(",", links);
    }

    private static String link(String base, Map<String, List<String>> params, String rel, int perPage, long page) {
        Map<String, List<String>> query = new LinkedHashMap<>(params);
        query.put("page", List.of(Long.toString(page)));
        query.put("per_page", List.of(Integer.toString(perPage)));
        return "<" + base + "?" + HankoSandboxQueryString.encode(query) + ">; rel=\"" + rel + "\"";
    }
}
