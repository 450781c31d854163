package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.config.SettingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/options.md is what the command tree says today, and the README's links lead somewhere. */
class OptionReferenceTest {

    static final Path REFERENCE = Path.of("docs", "options.md");

    @Test
    void theOptionReferenceMatchesTheCommands() throws Exception {
        String generated = OptionReference.markdown();
        if (Boolean.getBoolean(OptionReference.UPDATE_PROPERTY)) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        String onDisk = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
        assertEquals(generated, onDisk, REFERENCE + " is out of date: run mvn test -Dtest=OptionReferenceTest -D"
                + OptionReference.UPDATE_PROPERTY + "=true and commit the file");
    }

    @Test
    void theReferenceNamesEverySettingWithItsEnvironmentVariable() {
        String generated = OptionReference.markdown();
        for (SettingKey key : SettingKey.values()) {
            assertTrue(generated.contains("`" + key.flag() + " "), key.flag());
            key.environmentVariables().forEach(env -> assertTrue(generated.contains(env), env));
        }
        for (String command : new String[] {"## check", "## demo", "## sandbox", "## completion", "## sync"}) {
            assertTrue(generated.contains(command), command);
        }
    }

    @Test
    void everyRelativeLinkInTheReadmeAndDocsLeadsToAFile() throws Exception {
        Pattern link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
        for (Path page : new Path[] {Path.of("README.md"), Path.of("docs", "scheduling.md"), REFERENCE}) {
            Matcher m = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                Path target = page.resolveSibling(m.group(1));
                assertTrue(Files.exists(target), page + " links to " + m.group(1) + ", which does not exist");
            }
        }
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("(docs/options.md)") && readme.contains("(docs/scheduling.md)"),
                "the README links the option reference and the scheduling recipes");
    }
}
