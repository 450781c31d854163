package dev.hankosync.cli;

import dev.hankosync.config.ConfigException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes {@code --report FILE}. A regular file is replaced in one step (written beside it, then renamed over it),
 * so a reader never sees half a report; a link is followed and its target replaced, not the link; a device or pipe
 * ({@code /dev/stdout}) is written as it is. A new report is readable by its owner only: it holds email addresses.
 */
final class ReportFileWriter {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ReportFileWriter() {}

    /** Refuses, before any request is made, a path the report could not be written to. */
    static void checkWritable(Path file) {
        Path target = resolve(file);
        if (Files.isDirectory(target)) {
            throw new ConfigException("--report " + file + " is a directory; give a file name");
        }
        if (Files.exists(target)) {
            if (!Files.isWritable(target)) {
                throw new ConfigException("--report " + file + " exists and is not writable");
            }
            return;
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.exists(folder)) {
            throw new ConfigException("--report " + file + ": the folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("--report " + file + ": " + folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new ConfigException("--report " + file + ": the folder " + folder + " is not writable");
        }
    }

    static void write(Path file, Consumer<Writer> content) {
        Path target = resolve(file);
        try {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    content.accept(out);
                }
                return;
            }
            Path temp = temporaryBeside(target);
            try {
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    content.accept(out);
                }
                if (Files.exists(target)) {
                    copyPermissions(target, temp);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            throw new ReportFileException("cannot write the report to " + file + ": " + describe(e), e);
        }
    }

    /** The file a report goes to: through any links, to where the last one points, existing or not. */
    private static Path resolve(Path file) {
        Path path = file.toAbsolutePath();
        try {
            for (int hops = 0; Files.isSymbolicLink(path) && hops < 40; hops++) {
                path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
            }
        } catch (IOException e) {
            return file;
        }
        return path;
    }

    private static Path temporaryBeside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        String name = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp";
        Path temp = folder.resolve(name);
        try {
            return Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(temp);
        } catch (FileAlreadyExistsException e) {
            Files.delete(temp);
            return temporaryBeside(target);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            // keep the private default
        }
    }

    private static String describe(Exception e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }
}
