package dev.hankosync.sandbox;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Runs a list request the way Hanko's SQL does: filter, drop users with no identifier, order by created_at only,
 * then cut out one page by offset.
 *
 * <p>The database has no tie-breaker, so users sharing a created_at come back in no fixed order: each request
 * here draws the members of every tie group on its page at random, which is what paging clients must survive.
 * Only the page's own tie groups are touched, so a page costs about its own size even with a million users.
 */
final class HankoSandboxUserQuery {

    /** One page and the count of all matches (what {@code X-Total-Count} carries). */
    record Result(List<HankoSandboxUser> page, int total) {}

    private HankoSandboxUserQuery() {
    }

    static Result run(HankoSandboxListRequest request, HankoSandboxStore store, Random random) {
        List<HankoSandboxUser> ordered = matches(request, store);
        if (!request.ascending()) {
            ordered = reversed(ordered);
        }
        long offset = (long) (request.effectivePage() - 1) * request.effectivePerPage();
        int from = (int) Math.min(offset, ordered.size());
        int to = (int) Math.min(offset + request.effectivePerPage(), ordered.size());
        return new Result(window(ordered, from, to, request.ascending(), random), ordered.size());
    }

    /** The matching listed users in ascending created_at order. */
    private static List<HankoSandboxUser> matches(HankoSandboxListRequest request, HankoSandboxStore store) {
        boolean textFilter = !request.email().isEmpty() || !request.username().isEmpty();
        if (request.userIds() != null) {
            List<HankoSandboxUser> found = new ArrayList<>();
            for (String id : new HashSet<>(request.userIds())) {
                store.find(id).filter(u -> u.listed() && matchesText(request, u)).ifPresent(found::add);
            }
            found.sort(Comparator.comparing(HankoSandboxUser::createdAt));
            return found;
        }
        List<HankoSandboxUser> listed = store.listedByCreatedAt();
        if (!textFilter) {
            return listed;
        }
        return listed.stream().filter(u -> matchesText(request, u)).toList();
    }

    private static List<HankoSandboxUser> window(List<HankoSandboxUser> ordered, int from, int to,
                                                 boolean ascending, Random random) {
        List<HankoSandboxUser> page = new ArrayList<>(to - from);
        int i = from;
        while (i < to) {
            Instant at = ordered.get(i).createdAt();
            int groupStart = bound(ordered, at, ascending, false);
            int groupEnd = bound(ordered, at, ascending, true);
            int take = Math.min(groupEnd, to) - i;
            if (groupEnd - groupStart == take) {
                page.addAll(ordered.subList(i, i + take)); // the whole group: any order is as good
                if (take > 1) {
                    Collections.shuffle(page.subList(page.size() - take, page.size()), random);
                }
            } else {
                // Positions i..i+take of a fresh random order of the group are a random subset of it.
                for (int index : sample(groupEnd - groupStart, take, random)) {
                    page.add(ordered.get(groupStart + index));
                }
            }
            i += take;
        }
        return page;
    }

    /** {@code k} distinct numbers below {@code n} in random order (Floyd's algorithm: O(k), not O(n)). */
    private static List<Integer> sample(int n, int k, Random random) {
        Set<Integer> chosen = new HashSet<>();
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        List<Integer> order = new ArrayList<>(chosen);
        Collections.shuffle(order, random);
        return order;
    }

    /** First index whose created_at is not before {@code at} (upper: is after), in the list's direction. */
    private static int bound(List<HankoSandboxUser> ordered, Instant at, boolean ascending, boolean upper) {
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = ordered.get(mid).createdAt().compareTo(at);
            if (!ascending) {
                c = -c;
            }
            if (c < 0 || (upper && c == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static List<HankoSandboxUser> reversed(List<HankoSandboxUser> list) {
        return new AbstractList<>() {
            @Override
            public HankoSandboxUser get(int index) {
                return list.get(list.size() - 1 - index);
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }

    /** email and username are substring filters; when both are given either may match (Hanko ORs them). */
    private static boolean matchesText(HankoSandboxListRequest request, HankoSandboxUser user) {
        boolean byEmail = !request.email().isEmpty();
        boolean byUsername = !request.username().isEmpty();
        if (!byEmail && !byUsername) {
            return true;
        }
        boolean emailHit = byEmail && user.emails().stream().anyMatch(e -> e.address().contains(request.email()));
        boolean usernameHit = byUsername && user.username() != null
                && user.username().username().contains(request.username());
        return emailHit || usernameHit;
    }
}
