package dev.hankosync.cli;

import dev.hankosync.sync.RowResult;
import dev.hankosync.sync.SyncListener;
import java.util.List;

/** Hands every event of a run to several listeners (stderr progress and the ndjson stream), in order. */
final class CombinedListener implements SyncListener {

    private final List<SyncListener> listeners;

    CombinedListener(SyncListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void phase(String name) {
        listeners.forEach(l -> l.phase(name));
    }

    @Override
    public void progress(long done, long total) {
        listeners.forEach(l -> l.progress(done, total));
    }

    @Override
    public void warning(String message) {
        listeners.forEach(l -> l.warning(message));
    }

    @Override
    public void rowDone(RowResult row) {
        listeners.forEach(l -> l.rowDone(row));
    }
}
