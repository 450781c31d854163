package dev.hankosync.sync;

import java.util.Locale;

/** What happened (or, in a dry run, would happen) to one user or row. The names are the report's count keys. */
public enum Action {
    CREATED, UPDATED, UNCHANGED, MISSING, DELETED, DUPLICATE, FAILED;

    /** The lower-case name used in the JSON report. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
