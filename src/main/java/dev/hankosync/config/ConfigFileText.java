package dev.hankosync.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a configuration file's text, turning every failure into a one-line {@link ConfigException}. */
final class ConfigFileText {

    private ConfigFileText() {
    }

    /**
     * The file's text as UTF-8, without a byte order mark.
     *
     * @param kind words naming the file in messages, e.g. "config file" or "env file"
     */
    static String read(Path file, String kind) {
        byte[] bytes = readBytes(file, kind);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw cannotRead(file, kind, "it is not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static ConfigException cannotRead(Path file, String kind, String reason) {
        return cannotRead(file.toString(), kind, reason);
    }

    static ConfigException cannotRead(String fileName, String kind, String reason) {
        return new ConfigException("cannot read " + kind + " " + fileName + ": " + reason);
    }

    private static byte[] readBytes(Path file, String kind) {
        if (Files.isDirectory(file)) {
            throw cannotRead(file, kind, "it is a directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw cannotRead(file, kind, "no such file");
        } catch (AccessDeniedException e) {
            throw cannotRead(file, kind, "permission denied");
        } catch (IOException e) {
            // The exception's own message usually repeats the path, so only its kind is useful here.
            throw cannotRead(file, kind, e.getClass().getSimpleName());
        }
    }
}
