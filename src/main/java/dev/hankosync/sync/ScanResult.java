package dev.hankosync.sync;

import java.util.Map;

/**
 * Every Hanko user a scan found.
 *
 * @param users      user id → email, in the order first seen
 * @param requests   list requests made (pages, over all passes)
 * @param passes     how many times the list was walked
 * @param totalCount the last {@code X-Total-Count} seen, or -1 when the server never sent one
 * @param complete   whether the scan is known to hold every user; no deletion may follow an incomplete scan
 * @param incompleteReason why not, for the report; null when complete
 */
public record ScanResult(
        Map<String, String> users, int requests, int passes, long totalCount, boolean complete,
        String incompleteReason) {}
