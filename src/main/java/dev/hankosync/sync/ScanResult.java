package dev.hankosync.sync;

import java.util.List;

/**
 * What a scan of Hanko's user list found.
 *
 * @param users      distinct users handed on (each exactly once)
 * @param requests   list requests made (pages, over all walks)
 * @param passes     how many times the list was walked
 * @param totalCount the last {@code X-Total-Count} seen, or -1 when the server never sent one
 * @param complete   whether the scan is known to hold every user; no deletion may follow an incomplete scan
 * @param incompleteReason why not, for the report; null when complete
 * @param deletedDuringScan users handed on and then confirmed deleted from Hanko before the scan ended
 */
public record ScanResult(
        long users, int requests, int passes, long totalCount, boolean complete, String incompleteReason,
        List<String> deletedDuringScan) {}
