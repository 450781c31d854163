package dev.hankosync.cli;

/** The --report file could not be written. */
final class ReportFileException extends RuntimeException {
    ReportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
