package dev.hankosync.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Runs a list request over a snapshot of users the way Hanko's SQL does: filter, drop users with no identifier,
 * order by created_at only, then cut out one page by offset.
 */
final class HankoSandboxUserQuery {

    /** One page and the count of all matches (what {@code X-Total-Count} carries). */
    record Result(List<HankoSandboxUser> page, int total) {}

    private HankoSandboxUserQuery() {
    }

    static Result run(HankoSandboxListRequest request, List<HankoSandboxUser> users, Random random) {
        Set<String> ids = request.userIds() == null ? null : new HashSet<>(request.userIds());
        List<HankoSandboxUser> matches = new ArrayList<>();
        for (HankoSandboxUser user : users) {
            if (user.listed() && (ids == null || ids.contains(user.id())) && matchesText(request, user)) {
                matches.add(user);
            }
        }
        // The database has no tie-breaker, so users sharing a created_at come back in no fixed order. Shuffling
        // before a stable sort makes that order differ on every request, which is what paging clients must survive.
        Collections.shuffle(matches, random);
        Comparator<HankoSandboxUser> byCreatedAt = Comparator.comparing(HankoSandboxUser::createdAt);
        matches.sort(request.ascending() ? byCreatedAt : byCreatedAt.reversed());

        long offset = (long) (request.effectivePage() - 1) * request.effectivePerPage();
        int from = (int) Math.min(offset, matches.size());
        int to = (int) Math.min(offset + request.effectivePerPage(), matches.size());
        return new Result(List.copyOf(matches.subList(from, to)), matches.size());
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
