package dev.hankosync.cli;

import dev.hankosync.config.KeyRedaction;
import dev.hankosync.hanko.HankoAdminClient;
import dev.hankosync.hanko.HankoPage;
import dev.hankosync.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Hanko side of {@code check}: one {@code GET /users?page=1&per_page=1}, which answers every question. */
final class HankoChecks {

    private HankoChecks() {}

    static List<CheckLine> run(HankoAdminClient hanko, String url, String apiKey) {
        List<CheckLine> lines = new ArrayList<>();
        long start = System.nanoTime();
        HankoPage page;
        try {
            page = hanko.page(1, 1);
        } catch (ApiException e) {
            String fix = e.status() < 0 ? "; check --hanko-url / HANKO_ADMIN_URL and that this machine can reach it" : "";
            lines.add(CheckLine.fail(e.getMessage() + fix));
            return lines;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        lines.add(CheckLine.pass("Hanko admin API at " + url + " answered (" + millis + " ms)"));
        lines.add(apiKey == null
                ? CheckLine.pass("no API key needed: the admin API answered without one (self-hosted)")
                : CheckLine.pass("Hanko accepted the API key (" + KeyRedaction.redact(apiKey) + ")"));
        long total = page.totalCount();
        if (total < 0) {
            lines.add(CheckLine.warn("Hanko sent no X-Total-Count: the sync cannot check its scan against a count"
                    + " and walks the list twice to be sure"));
        } else if (total == 0) {
            lines.add(CheckLine.warn("Hanko lists no users: if that is unexpected, the URL points at the wrong"
                    + " tenant (with --delete-missing the sync refuses to delete in this case)"));
        } else {
            lines.add(CheckLine.pass(String.format(Locale.ROOT, "%,d", total) + (total == 1 ? " user" : " users")
                    + " in Hanko"));
        }
        return lines;
    }
}
