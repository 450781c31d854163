package dev.hankosync.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The report's row list. Small runs keep it in memory (sorted at the end, so the report does not depend on the
 * order concurrent requests finished in); past {@link #IN_MEMORY} rows it goes to a temporary file, so a backfill
 * of a million users reports every row in constant memory.
 */
final class RowLog {

    static final int IN_MEMORY = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int inMemoryLimit;
    private final List<RowResult> memory = new ArrayList<>();
    private Path spillFile;
    private BufferedWriter spill;
    private long size;

    RowLog() {
        this(IN_MEMORY);
    }

    RowLog(int inMemoryLimit) {
        this.inMemoryLimit = inMemoryLimit;
    }

    synchronized void add(RowResult row) {
        size++;
        if (spill == null && memory.size() < inMemoryLimit) {
            memory.add(row);
            return;
        }
        try {
            if (spill == null) {
                spillFile = Files.createTempFile("hanko-sync-rows", ".ndjson");
                spillFile.toFile().deleteOnExit();
                spill = Files.newBufferedWriter(spillFile, StandardCharsets.UTF_8);
            }
            spill.write(JSON.writeValueAsString(row));
            spill.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the report's rows in a temporary file", e);
        }
    }

    synchronized long size() {
        return size;
    }

    /** Sorts the rows held in memory by action, then user id; a spilled log keeps the order rows came in. */
    synchronized void finish() {
        memory.sort(Comparator.comparing((RowResult r) -> r.action().ordinal())
                .thenComparing(r -> r.userId() == null ? "" : r.userId()));
        try {
            if (spill != null) {
                spill.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void forEach(Consumer<RowResult> action) {
        memory.forEach(action);
        if (spillFile == null) {
            return;
        }
        try {
            spill.flush();
            try (BufferedReader in = Files.newBufferedReader(spillFile, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    action.accept(JSON.readValue(line, RowResult.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the report's rows", e);
        }
    }
}
