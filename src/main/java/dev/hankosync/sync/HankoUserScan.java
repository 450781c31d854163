package dev.hankosync.sync;

import dev.hankosync.hanko.HankoDirectory;
import dev.hankosync.hanko.HankoPage;
import dev.hankosync.hanko.HankoUser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Walks Hanko's user list until it is sure it has seen every user, handing each distinct user on exactly once,
 * page by page, as soon as it arrives.
 *
 * <p>The first walk fetches up to {@code concurrency} pages at once once the first page has told the total.
 *
 * <p>Why more than one walk may be needed: the list is offset-paged and ordered only by {@code created_at}, with
 * no tie-breaker. Users imported in bulk share a timestamp and can come back in a different order on each
 * request, so one walk can show some of them twice and others never; a delete during the walk shifts later pages
 * left and skips a user. So a walk only counts as complete when {@code X-Total-Count} did not shrink during it
 * and the distinct users (less those since confirmed deleted) reach it. Otherwise the list is walked again with
 * pages four times as large (a tie group smaller than a page can no longer straddle a page boundary).
 */
public final class HankoUserScan {

    /** Largest page asked for when the total is unknown. */
    static final int MAX_BLIND_PAGE_SIZE = 1000;

    private final HankoDirectory directory;
    private final int pageSize;
    private final int maxPasses;
    private final int concurrency;
    private final ExecutorService pool;
    private final Runnable betweenRequests;

    private final UserKeySet seen = new UserKeySet();
    private final long[] key = new long[2];
    private int requests;
    private volatile long totalSoFar = -1;

    /**
     * @param pool            runs the concurrent page requests of the first walk
     * @param betweenRequests called before each request; may throw to stop the scan
     */
    public HankoUserScan(HankoDirectory directory, int pageSize, int maxPasses, int concurrency,
                         ExecutorService pool, Runnable betweenRequests) {
        if (pageSize < 1 || maxPasses < 1 || concurrency < 1) {
            throw new IllegalArgumentException("pageSize, maxPasses and concurrency must be positive");
        }
        this.directory = directory;
        this.pageSize = pageSize;
        this.maxPasses = maxPasses;
        this.concurrency = concurrency;
        this.pool = pool;
        this.betweenRequests = betweenRequests;
    }

    /** @param newUsers receives, on the calling thread, the users of each page not seen before */
    public ScanResult run(Consumer<List<HankoUser>> newUsers) {
        List<String> deleted = new ArrayList<>();
        String reason = null;
        long total = -1;
        for (int pass = 1; pass <= maxPasses; pass++) {
            int perPage = pass == 1 ? pageSize : rescanPageSize(pass, total);
            UserKeySet seenThisWalk = pass == 1 ? null : new UserKeySet(seen.size());
            Walk walk = pass == 1 ? firstWalk(perPage, newUsers) : walk(perPage, newUsers, seenThisWalk);
            total = walk.lastTotal;
            if (pass > 1) {
                deleted.addAll(confirmDeleted(seenThisWalk));
            }
            long present = seen.size() - deleted.size();
            if (walk.lastTotal < 0) {
                // No count to check against: trust a second walk that found nothing new.
                if (pass > 1 && walk.newUsers == 0) {
                    return new ScanResult(seen.size(), requests, pass, -1, true, null, deleted);
                }
                reason = "Hanko sent no X-Total-Count to check the scan against, and a second walk found new users";
                continue;
            }
            // Signups during an ascending walk land at its end and are seen; only a shrinking count means a
            // delete shifted a later page left and may have hidden a user.
            boolean shrank = walk.lastTotal < walk.firstTotal;
            if (!shrank && present >= walk.lastTotal) {
                return new ScanResult(seen.size(), requests, pass, total, true, null, deleted);
            }
            reason = shrank
                    ? "users were deleted during the scan (" + walk.firstTotal + " → " + walk.lastTotal + ")"
                    : "saw " + present + " distinct users but X-Total-Count says " + walk.lastTotal;
        }
        return new ScanResult(seen.size(), requests, maxPasses, total, false,
                reason + " after " + maxPasses + " walks of the list", deleted);
    }

    /**
     * Four times larger on each walk, so a tie group of several thousand users fits in one page by the fourth;
     * never more than one page holding everyone (Hanko sets no upper bound on per_page, and the client streams).
     */
    private int rescanPageSize(int pass, long total) {
        if (total < 0) {
            // nothing to check a walk against: the largest pages, so a small list is walked in one page
            return Math.max(pageSize, MAX_BLIND_PAGE_SIZE);
        }
        long grown = (long) pageSize << (2 * (pass - 1));
        return (int) Math.min(Integer.MAX_VALUE, Math.min(grown, Math.max(pageSize, total + 1)));
    }

    /** Distinct users handed on so far (for the report of a run stopped during the scan). */
    public long usersSoFar() {
        return seen.size();
    }

    /** List requests made so far. */
    public int requestsSoFar() {
        return requests;
    }

    /** The latest {@code X-Total-Count}, for progress displays; -1 before the first page or when none is sent. */
    public long totalSoFar() {
        return totalSoFar;
    }

    /** The first walk: page 1, then the rest {@code concurrency} at a time, handed on in page order. */
    private Walk firstWalk(int perPage, Consumer<List<HankoUser>> newUsers) {
        Walk walk = new Walk();
        HankoPage first = fetch(1, perPage);
        walk.take(first, handOn(first, newUsers, null));
        if (first.users().size() < perPage) {
            return walk;
        }
        long expectedPages = first.totalCount() < 0 ? 1 : (first.totalCount() + perPage - 1) / perPage;
        Deque<Future<HankoPage>> inFlight = new ArrayDeque<>();
        int next = 2;
        boolean ended = false;
        try {
            while (true) {
                // Ask for the expected pages ahead; past them, one at a time until a short page says the end.
                while (!ended && inFlight.size() < concurrency && (next <= expectedPages || inFlight.isEmpty())) {
                    if (walk.pastAnyHonestEnd(next, perPage)) {
                        ended = true;
                        break;
                    }
                    betweenRequests.run();
                    int page = next++;
                    inFlight.add(pool.submit(() -> directory.page(page, perPage)));
                }
                if (inFlight.isEmpty()) {
                    return walk;
                }
                HankoPage page = Futures.await(inFlight.poll(),
                        () -> new IllegalStateException("interrupted while waiting for a Hanko page"));
                requests++;
                walk.take(page, handOn(page, newUsers, null));
                if (page.users().size() < perPage) {
                    ended = true; // later pages still in flight are past the end: read them anyway, they are cheap
                }
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    /** A later walk, one page at a time: these only happen when something went wrong, so they need not be fast. */
    private Walk walk(int perPage, Consumer<List<HankoUser>> newUsers, UserKeySet seenThisWalk) {
        Walk walk = new Walk();
        for (int page = 1; !walk.pastAnyHonestEnd(page, perPage); page++) {
            HankoPage result = fetch(page, perPage);
            walk.take(result, handOn(result, newUsers, seenThisWalk));
            if (result.users().size() < perPage) {
                break;
            }
        }
        return walk;
    }

    private HankoPage fetch(int page, int perPage) {
        betweenRequests.run();
        requests++;
        return directory.page(page, perPage);
    }

    /** Hands on the page's users not seen before; returns how many that was. */
    private int handOn(HankoPage page, Consumer<List<HankoUser>> newUsers, UserKeySet seenThisWalk) {
        List<HankoUser> fresh = new ArrayList<>(page.users().size());
        for (HankoUser user : page.users()) {
            if (!UserKey.parse(user.id(), key)) {
                continue; // the client rejects such ids; nothing here could match them anyway
            }
            if (seenThisWalk != null) {
                seenThisWalk.add(key[0], key[1]);
            }
            if (seen.add(key[0], key[1])) {
                fresh.add(user);
            }
        }
        if (!fresh.isEmpty()) {
            newUsers.accept(fresh);
        }
        return fresh.size();
    }

    /** Users seen by an earlier walk but not this one are either shuffled ties or deleted: ask Hanko which. */
    private List<String> confirmDeleted(UserKeySet seenThisWalk) {
        Set<String> unseen = new HashSet<>();
        seen.forEach((hi, lo) -> {
            if (!seenThisWalk.contains(hi, lo)) {
                unseen.add(UserKey.format(hi, lo));
            }
        });
        if (unseen.isEmpty()) {
            return List.of();
        }
        betweenRequests.run();
        for (HankoUser user : directory.findByIds(unseen)) {
            unseen.remove(user.id());
        }
        return List.copyOf(unseen);
    }

    private final class Walk {
        long firstTotal = Long.MIN_VALUE;
        long lastTotal = -1;
        int newUsers;

        void take(HankoPage page, int fresh) {
            totalSoFar = page.totalCount();
            if (firstTotal == Long.MIN_VALUE) {
                firstTotal = page.totalCount();
            }
            lastTotal = page.totalCount();
            newUsers += fresh;
        }

        /** A server that ignores {@code page} would repeat itself for ever; no honest list goes this far. */
        boolean pastAnyHonestEnd(int page, int perPage) {
            return lastTotal >= 0 && (long) (page - 1) * perPage > lastTotal + perPage;
        }
    }
}
