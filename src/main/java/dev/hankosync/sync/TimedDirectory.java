package dev.hankosync.sync;

import dev.hankosync.hanko.HankoDirectory;
import dev.hankosync.hanko.HankoPage;
import dev.hankosync.hanko.HankoUser;
import java.util.Collection;
import java.util.List;

/** Counts the time spent reading Hanko into the run's {@link Timings}. */
final class TimedDirectory implements HankoDirectory {

    private final HankoDirectory directory;
    private final Timings timings;

    TimedDirectory(HankoDirectory directory, Timings timings) {
        this.directory = directory;
        this.timings = timings;
    }

    @Override
    public HankoPage page(int page, int perPage) {
        return timings.time(Timings.Part.HANKO_READ, () -> directory.page(page, perPage));
    }

    @Override
    public List<HankoUser> findByIds(Collection<String> ids) {
        return timings.time(Timings.Part.HANKO_READ, () -> directory.findByIds(ids));
    }
}
