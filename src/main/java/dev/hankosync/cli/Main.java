package dev.hankosync.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The process entry point. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = CommandLineFactory.create(CliContext.ofProcess()).execute(args);
        if (Boolean.getBoolean("hanko-sync.print-peak-heap")) {
            // for the benchmark: the heap this run needed at its fullest
            System.err.println("hanko-sync: peak heap bytes " + peakHeapBytes());
        }
        System.exit(exitCode);
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
