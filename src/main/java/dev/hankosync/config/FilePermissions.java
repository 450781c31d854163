package dev.hankosync.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Whether a file that holds a key can be read by users other than its owner. */
final class FilePermissions {

    private FilePermissions() {
    }

    /** True when POSIX permissions let group or others read the file; false when unknown (e.g. Windows). */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    static String warning(Path file) {
        return file + " holds a key and can be read by other users; restrict it with: chmod 600 " + file;
    }
}
