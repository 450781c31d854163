package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvFileTest {

    @TempDir
    Path dir;

    private static Map<String, String> parse(String text) {
        return DotenvFile.parse(text, ".env.local");
    }

    @Test
    void readsPlainAndExportedAssignments() {
        Map<String, String> variables = parse("A=1\nexport B=two\n  C = three  \nD=\n");

        assertEquals(Map.of("A", "1", "B", "two", "C", "three", "D", ""), variables);
    }

    @Test
    void skipsCommentsAndBlankLines() {
        Map<String, String> variables = parse("# a comment\n\n   \n  # indented comment\nA=1\n");

        assertEquals(Map.of("A", "1"), variables);
    }

    @Test
    void inlineCommentEndsAnUnquotedValueOnlyAfterWhitespace() {
        Map<String, String> variables = parse("A=value # comment\nB=abc#def\nC= # only a comment\nD=#x\n");

        assertEquals("value", variables.get("A"));
        assertEquals("abc#def", variables.get("B"));
        assertEquals("", variables.get("C"));
        assertEquals("", variables.get("D"));
    }

    @Test
    void singleQuotesAreLiteral() {
        Map<String, String> variables = parse("A='  spaced # not a comment \\n '\n");

        assertEquals("  spaced # not a comment \\n ", variables.get("A"));
    }

    @Test
    void doubleQuotesUnderstandEscapes() {
        Map<String, String> variables = parse("A=\"line1\\nline2\\t\\\"q\\\" \\\\ \\x\" # comment\n");

        assertEquals("line1\nline2\t\"q\" \\ \\x", variables.get("A"));
    }

    @Test
    void quotedValueMaySpanLines() {
        Map<String, String> variables = parse("KEY=\"-----BEGIN-----\nabc  \n-----END-----\"\nNEXT=1\n");

        assertEquals("-----BEGIN-----\nabc  \n-----END-----", variables.get("KEY"));
        assertEquals("1", variables.get("NEXT"));
    }

    @Test
    void handlesCrlfLineEndingsAndByteOrderMark() throws IOException {
        Path file = dir.resolve(".env");
        Files.write(file, "\uFEFFA=1\r\nB=\"two\"\r\nC='three'\r\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(Map.of("A", "1", "B", "two", "C", "three"), DotenvFile.read(file));
    }

    @Test
    void laterAssignmentsWin() {
        assertEquals("2", parse("A=1\nA=2\n").get("A"));
    }

    @Test
    void keepsFileOrder() {
        assertEquals(List.of("Z", "A", "M"), List.copyOf(parse("Z=1\nA=2\nM=3\n").keySet()));
    }

    @Test
    void lineWithoutEqualsIsAnErrorNamingFileAndLineButNotContent() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("A=1\n# fine\nsb_secret_leakedkey123\n"));

        assertEquals("cannot read env file .env.local: line 3: expected NAME=value", e.getMessage());
        assertFalse(e.getMessage().contains("leaked"));
    }

    @Test
    void badVariableNameIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("A=1\n2BAD=x\n"));

        assertEquals("cannot read env file .env.local: line 2: the variable name must be letters, digits, '_'"
                + " or '.'", e.getMessage());
    }

    @Test
    void unterminatedQuoteIsReportedAtItsOpeningLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("A=1\nB=\"sb_secret_never_closed\nC=3\n"));

        assertEquals("cannot read env file .env.local: line 2: the quoted value is never closed", e.getMessage());
        assertFalse(e.getMessage().contains("sb_secret"));
    }

    @Test
    void textAfterClosingQuoteIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("A='x' y\n"));

        assertEquals("cannot read env file .env.local: line 1: unexpected text after the closing quote",
                e.getMessage());
    }

    @Test
    void missingFileIsAnErrorNamingTheFile() {
        Path missing = dir.resolve("nope.env");

        ConfigException e = assertThrows(ConfigException.class, () -> DotenvFile.read(missing));

        assertEquals("cannot read env file " + missing + ": no such file", e.getMessage());
    }

    @Test
    void nonUtf8FileIsAnError() throws IOException {
        Path file = Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xff, '\n'});

        ConfigException e = assertThrows(ConfigException.class, () -> DotenvFile.read(file));

        assertEquals("cannot read env file " + file + ": it is not UTF-8 text", e.getMessage());
    }
}
