package dev.hankosync.sync;

/**
 * How a sync runs.
 *
 * @param dryRun          plan only: no POST, PATCH or DELETE is sent
 * @param pageSize        Hanko users per list request
 * @param tablePageSize   rows per table read request (the server may cap it lower)
 * @param batchSize       rows per insert request
 * @param deleteMissing   delete rows whose user is confirmed absent from Hanko
 * @param maxDelete       refuse to delete more than this many rows
 * @param allowEmptySource allow deletion when Hanko lists no users at all (a wrong tenant URL looks like that)
 * @param listUnchanged   keep unchanged rows in the report's row list
 * @param maxScanPasses   walks of Hanko's list before the scan is declared incomplete
 * @param concurrency     Hanko pages, and separately writes, in flight at once
 */
public record SyncOptions(
        boolean dryRun,
        int pageSize,
        int tablePageSize,
        int batchSize,
        boolean deleteMissing,
        int maxDelete,
        boolean allowEmptySource,
        boolean listUnchanged,
        int maxScanPasses,
        int concurrency) {

    public static SyncOptions defaults() {
        return new SyncOptions(false, 100, 1000, 500, false, 100, false, false, 5, 4);
    }
}
