package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced into a real bash and asked what it completes. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void bashCompletesCommandsOptionsAndTheirValues() throws Exception {
        Path script = script("bash");
        assertEquals(List.of("--dry-run"), complete(script, "hanko-sync", "--dry"));
        assertEquals(List.of("check"), complete(script, "hanko-sync", "ch"));
        assertEquals(List.of("--table"), complete(script, "hanko-sync", "check", "--ta"));
        assertEquals(List.of("text", "json", "ndjson"), complete(script, "hanko-sync", "--format", ""));
        assertEquals(List.of("auto", "always", "never"), complete(script, "hanko-sync", "check", "--color", ""));
        assertEquals(List.of("bash", "zsh"), complete(script, "hanko-sync", "completion", ""));
        assertTrue(complete(script, "hanko-sync", "--").containsAll(List.of("--hanko-url", "--mask-emails",
                "--database-url", "--list-all")));
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsItselfThroughBashcompinit() {
        CliRun bash = CliRun.run(Map.of(), "completion", "bash");
        CliRun zsh = CliRun.run(Map.of(), "completion", "zsh");
        assertEquals(0, zsh.exitCode(), zsh.err());
        assertTrue(zsh.out().startsWith("#!/usr/bin/env bash\n# hanko-sync completion for zsh"), zsh.out());
        assertTrue(zsh.out().contains("autoload -U +X bashcompinit && bashcompinit"), zsh.out());
        assertEquals(withoutComments(bash.out()), withoutComments(zsh.out()));
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "completion", "fish");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("bash"), run.err());
    }

    private Path script(String shell) throws IOException {
        CliRun run = CliRun.run(Map.of(), "completion", shell);
        assertEquals(0, run.exitCode(), run.err());
        Path file = dir.resolve("hanko-sync." + shell);
        Files.writeString(file, run.out());
        return file;
    }

    /** Sets COMP_WORDS as bash does for the words typed so far (the last one being completed) and calls the function. */
    private static List<String> complete(Path script, String... words) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String line = String.join(" ", words);
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_hanko-sync\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("/bin/bash", "--norc", "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(20, TimeUnit.SECONDS));
        return out.lines().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    private static String withoutComments(String script) {
        return script.lines().filter(l -> !l.startsWith("# hanko-sync completion") && !l.startsWith("# Load it"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
