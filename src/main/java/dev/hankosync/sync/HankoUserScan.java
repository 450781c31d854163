package dev.hankosync.sync;

import dev.hankosync.hanko.HankoDirectory;
import dev.hankosync.hanko.HankoPage;
import dev.hankosync.hanko.HankoUser;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Walks Hanko's user list until it is sure it has seen every user.
 *
 * <p>Why more than one walk: the list is offset-paged and ordered only by {@code created_at}, with no tie-breaker.
 * Users imported in bulk share a timestamp and come back in a different order on each request, so one walk can
 * show some of them twice and others never; a delete during the walk shifts later pages left and skips a user.
 * So a walk only counts as complete when {@code X-Total-Count} did not shrink during it and the users gathered
 * (less those since confirmed deleted) reach it. Otherwise the list is walked again with pages twice as
 * large (a tie group smaller than one page can no longer straddle a page boundary), merging what each walk finds.
 */
public final class HankoUserScan {

    /** Past this the server's own page size and response times make larger pages pointless. */
    static final int MAX_RESCAN_PAGE_SIZE = 1000;

    private final HankoDirectory directory;
    private final int pageSize;
    private final int maxPasses;
    private final LongConsumer progress;

    /**
     * @param progress told the number of distinct users seen so far after each page
     */
    public HankoUserScan(HankoDirectory directory, int pageSize, int maxPasses, LongConsumer progress) {
        if (pageSize < 1 || maxPasses < 1) {
            throw new IllegalArgumentException("pageSize and maxPasses must be positive");
        }
        this.directory = directory;
        this.pageSize = pageSize;
        this.maxPasses = maxPasses;
        this.progress = progress;
    }

    public ScanResult run() {
        Map<String, String> users = new LinkedHashMap<>();
        int requests = 0;
        long total = -1;
        String reason = null;
        for (int pass = 1; pass <= maxPasses; pass++) {
            int perPage = pass == 1 ? pageSize
                    : (int) Math.min(Math.max(pageSize, MAX_RESCAN_PAGE_SIZE), (long) pageSize << (pass - 1));
            Walk walk = walk(perPage, users);
            requests += walk.requests;
            total = walk.lastTotal;

            if (pass > 1) {
                forgetDeleted(users, walk.seen);
            }
            if (walk.lastTotal < 0) {
                // No count to check against: trust a second walk that found nothing new.
                if (pass > 1 && walk.newUsers == 0) {
                    return new ScanResult(users, requests, pass, -1, true, null);
                }
                reason = "Hanko sent no X-Total-Count, and a second walk of the list found users the first missed";
                if (pass == 1) {
                    reason = "Hanko sent no X-Total-Count to check the scan against";
                }
                continue;
            }
            // Signups during an ascending walk land at its end and are seen; only a shrinking count means a
            // delete shifted a later page left and may have hidden a user.
            boolean shrank = walk.lastTotal < walk.firstTotal;
            if (!shrank && users.size() >= walk.lastTotal) {
                return new ScanResult(users, requests, pass, total, true, null);
            }
            reason = shrank
                    ? "users were deleted during the scan (" + walk.firstTotal + " → " + walk.lastTotal + ")"
                    : "saw " + users.size() + " distinct users but X-Total-Count says " + walk.lastTotal;
        }
        return new ScanResult(users, requests, maxPasses, total, false,
                reason + " after " + maxPasses + " walks of the list");
    }

    private Walk walk(int perPage, Map<String, String> users) {
        Walk walk = new Walk();
        for (int page = 1; ; page++) {
            HankoPage result = directory.page(page, perPage);
            walk.requests++;
            if (walk.firstTotal == Long.MIN_VALUE) {
                walk.firstTotal = result.totalCount();
            }
            walk.lastTotal = result.totalCount();
            List<HankoUser> got = result.users();
            for (HankoUser user : got) {
                walk.seen.add(user.id());
                // containsKey, not put() == null: username-only users map to a null email
                if (!users.containsKey(user.id())) {
                    walk.newUsers++;
                }
                users.put(user.id(), user.email());
            }
            progress.accept(users.size());
            if (got.size() < perPage) {
                return walk;
            }
            // A server that ignores `page` would repeat itself for ever; no honest list goes this far past its count.
            if (walk.lastTotal >= 0 && (long) page * perPage > walk.lastTotal + perPage) {
                return walk;
            }
        }
    }

    /** Users seen by an earlier walk but not this one are either shuffled ties or deleted: ask Hanko which. */
    private void forgetDeleted(Map<String, String> users, Set<String> seenThisWalk) {
        Set<String> unseen = new HashSet<>(users.keySet());
        unseen.removeAll(seenThisWalk);
        if (unseen.isEmpty()) {
            return;
        }
        Set<String> stillThere = new HashSet<>();
        for (HankoUser user : directory.findByIds(unseen)) {
            stillThere.add(user.id());
            users.put(user.id(), user.email());
        }
        unseen.removeAll(stillThere);
        users.keySet().removeAll(unseen);
    }

    private static final class Walk {
        final Set<String> seen = new HashSet<>();
        long firstTotal = Long.MIN_VALUE;
        long lastTotal = -1;
        int requests;
        int newUsers;
    }
}
