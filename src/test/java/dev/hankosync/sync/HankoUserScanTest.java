package dev.hankosync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HankoUserScanTest {

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
        ScanResult result = new HankoUserScan(dir, 100, 5, n -> {}).run();
        assertTrue(result.complete());
        assertEquals(1, result.passes());
        assertEquals(3, result.requests());
        assertEquals(ids(dir), result.users().keySet());
        assertEquals("u7@example.com", result.users().get(id(7)));
    }

    @Test
    void fiveHundredUsersSharingOneTimestampAreAllFound() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 500; i++) {
            dir.add(id(i), "u" + i + "@example.com", 1000);
        }
        ScanResult result = new HankoUserScan(dir, 100, 5, n -> {}).run();
        assertTrue(result.complete(), result.incompleteReason());
        assertEquals(ids(dir), result.users().keySet());
        assertTrue(result.passes() > 1, "a single walk cannot see every shuffled tie");
    }

    @Test
    void aUserDeletedMidScanIsNotKeptAndNoOneIsSkipped() {
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
        ScanResult result = new HankoUserScan(dir, 100, 5, n -> {}).run();
        assertTrue(result.complete(), result.incompleteReason());
        assertEquals(ids(dir), result.users().keySet());
        assertFalse(result.users().containsKey(id(5)));
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
        ScanResult result = new HankoUserScan(dir, 100, 5, n -> {}).run();
        assertTrue(result.complete());
        assertEquals(1, result.passes());
        assertTrue(result.users().containsKey(id(1000)));
    }

    @Test
    void aScanThatNeverConvergesIsReportedIncomplete() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        for (int i = 0; i < 3000; i++) {
            dir.add(id(i), null, 7);
        }
        ScanResult result = new HankoUserScan(dir, 10, 2, n -> {}).run();
        assertFalse(result.complete());
        assertTrue(result.incompleteReason().contains("X-Total-Count says 3000"), result.incompleteReason());
    }

    @Test
    void withoutTotalCountASecondWalkMustFindNothingNew() {
        ShufflingHankoDirectory dir = new ShufflingHankoDirectory();
        dir.sendTotal = false;
        for (int i = 0; i < 150; i++) {
            dir.add(id(i), null, i);
        }
        ScanResult result = new HankoUserScan(dir, 100, 5, n -> {}).run();
        assertTrue(result.complete(), result.toString());
        assertEquals(2, result.passes());
        assertEquals(150, result.users().size());
    }

    @Test
    void emptyDirectoryIsACompleteScanOfNothing() {
        ScanResult result = new HankoUserScan(new ShufflingHankoDirectory(), 100, 5, n -> {}).run();
        assertTrue(result.complete());
        assertTrue(result.users().isEmpty());
        assertEquals(1, result.requests());
    }
}
