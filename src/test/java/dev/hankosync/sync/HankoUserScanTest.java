package dev.hankosync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.hanko.HankoUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class HankoUserScanTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** What a scan handed on, and how often each user was handed on. */
    private static final class Collected {
        final Map<String, String> users = new LinkedHashMap<>();
        final List<String> handedOn = new ArrayList<>();
        ScanResult result;
    }

    private static Collected scan(ShufflingHankoDirectory dir, int pageSize, int maxPasses, int concurrency) {
        Collected c = new Collected();
        c.result = new HankoUserScan(dir, pageSize, maxPasses, concurrency, POOL, () -> {}).run(page -> {
            for (HankoUser u : page) {
                c.users.put(u.id(), u.email());
                c.handedOn.add(u.id());
            }
        });
        assertEquals(new HashSet<>(c.handedOn).size(), c.handedOn.size(), "each user is handed on once");
        assertEquals(c.users.size(), c.result.users());
        return c;
    }

    private static String id(int n) {
        return new UUID(0x1234L, n).toString();
    }

    private static Set<String> ids(ShufflingHankoDirectory dir) {
        return dir.users.stream().map(e -> e.user().id()).collect(Collectors.toSet());
    }

    @Test
    void distinctTimestampsAreScannedInOneWalk() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 250; i++) {
            dir.add(id(i), "u" + i + "@example.com", i);
        }
        Collected result = scan(dir, 100, 5, 4);
        assertTrue(result.result.complete());
        assertEquals(1, result.result.passes());
        assertEquals(3, result.result.requests());
        assertEquals(ids(dir), result.users.keySet());
        assertEquals("u7@example.com", result.users.get(id(7)));
    }

    @Test
    void fiveHundredUsersSharingOneTimestampAreAllFound() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 500; i++) {
            dir.add(id(i), "u" + i + "@example.com", 1000);
        }
        Collected result = scan(dir, 100, 5, 4);
        assertTrue(result.result.complete(), result.result.incompleteReason());
        assertEquals(ids(dir), result.users.keySet());
        assertTrue(result.result.passes() > 1, "a single walk cannot see every shuffled tie");
    }

    @Test
    void aUserDeletedMidScanIsReportedAndNoOneIsSkipped() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 300; i++) {
            dir.add(id(i), null, i);
        }
        // Before the 3rd request, user 5 (already seen on page 1) is deleted: page 3 shifts left by one.
        dir.beforeListRequest = n -> {
            if (n == 3) {
                dir.delete(id(5));
            }
        };
        Collected result = scan(dir, 100, 5, 1);
        assertTrue(result.result.complete(), result.result.incompleteReason());
        Set<String> expected = new HashSet<>(ids(dir));
        assertTrue(result.users.keySet().containsAll(expected), "the user shifted out of page 3 was found");
        assertEquals(List.of(id(5)), result.result.deletedDuringScan());
        assertTrue(result.result.passes() > 1);
    }

    @Test
    void usersAddedMidScanAreSeenWithoutASecondWalk() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 200; i++) {
            dir.add(id(i), null, i);
        }
        dir.beforeListRequest = n -> {
            if (n == 2) {
                dir.add(id(1000), "late@example.com", 10_000);
            }
        };
        Collected result = scan(dir, 100, 5, 4);
        assertTrue(result.result.complete());
        assertEquals(1, result.result.passes());
        assertTrue(result.users.containsKey(id(1000)));
    }

    @Test
    void aScanThatNeverConvergesIsReportedIncomplete() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 3000; i++) {
            dir.add(id(i), null, 7);
        }
        Collected result = scan(dir, 10, 2, 4);
        assertFalse(result.result.complete());
        assertTrue(result.result.incompleteReason().contains("X-Total-Count says 3000"), result.result.incompleteReason());
    }

    @Test
    void withoutTotalCountShuffledTiesAreStillAllFound() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        dir.sendTotal = false;
        for (int i = 0; i < 300; i++) {
            dir.add(id(i), null, 42);
        }
        Collected result = scan(dir, 10, 5, 4);
        assertTrue(result.result.complete(), result.toString());
        assertEquals(ids(dir), result.users.keySet(), "a walk that finds nothing new must not hide a tie");
    }

    @Test
    void withoutTotalCountASecondWalkMustFindNothingNew() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        dir.sendTotal = false;
        for (int i = 0; i < 150; i++) {
            dir.add(id(i), null, i);
        }
        Collected result = scan(dir, 100, 5, 4);
        assertTrue(result.result.complete(), result.toString());
        assertEquals(2, result.result.passes());
        assertEquals(150, result.users.size());
    }

    @Test
    void concurrentFirstWalkFetchesEveryPageOnceAndHandsUsersOnOnce() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 1234; i++) {
            dir.add(id(i), "u" + i + "@example.com", i);
        }
        Collected result = scan(dir, 100, 5, 4);
        assertTrue(result.result.complete());
        assertEquals(13, result.result.requests(), "13 pages, none fetched twice");
        assertEquals(13, dir.listRequests);
        assertEquals(ids(dir), result.users.keySet());
    }

    @Test
    void emptyDirectoryIsACompleteScanOfNothing() {
        Collected result = scan(new ShufflingHankoDirectory(), 100, 5, 4);
        assertTrue(result.result.complete());
        assertTrue(result.users.isEmpty());
        assertEquals(1, result.result.requests());
    }
}
