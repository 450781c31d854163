package dev.hankosync.sync;

import dev.hankosync.hanko.HankoDirectory;
import dev.hankosync.hanko.HankoPage;
import dev.hankosync.hanko.HankoUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * An in-memory stand-in for Hanko's list semantics, for the scan's unit tests: ordered by a creation number only,
 * ties shuffled on every request (as the real server may return them), offset paging, and a hook that runs
 * before each list request so a test can add or delete users mid-scan.
 */
final class ShufflingHankoDirectory implements HankoDirectory {

    record Entry(HankoUser user, long createdAt) {}

    final List<Entry> users = new ArrayList<>();
    private final Random random = new Random(42);
    IntConsumer beforeListRequest = n -> {};
    int listRequests;
    boolean sendTotal = true;

    void add(String id, String email, long createdAt) {
        users.add(new Entry(new HankoUser(id, email), createdAt));
    }

    void delete(String id) {
        users.removeIf(e -> e.user().id().equals(id));
    }

    @Override
    public synchronized HankoPage page(int page, int perPage) {
        beforeListRequest.accept(++listRequests);
        List<Entry> ordered = new ArrayList<>(users);
        Collections.shuffle(ordered, random);
        ordered.sort(Comparator.comparingLong(Entry::createdAt)); // stable: ties keep the shuffled order
        int from = Math.min(ordered.size(), (page - 1) * perPage);
        int to = Math.min(ordered.size(), from + perPage);
        List<HankoUser> out = ordered.subList(from, to).stream().map(Entry::user).toList();
        return new HankoPage(out, sendTotal ? users.size() : -1);
    }

    @Override
    public synchronized List<HankoUser> findByIds(Collection<String> ids) {
        return users.stream().map(Entry::user).filter(u -> ids.contains(u.id())).toList();
    }
}
