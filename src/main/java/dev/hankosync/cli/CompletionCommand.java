package dev.hankosync.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a completion script for every command and option, from picocli's generator. zsh gets the same script:
 * it loads itself there through zsh's {@code bashcompinit}, which the script turns on.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a shell completion script for hanko-sync's commands and options. Load it from the"
                + " shell's startup file (zsh: after compinit); it completes the command hanko-sync on your PATH:",
                "  source <(hanko-sync completion bash)   # in ~/.bashrc",
                "  source <(hanko-sync completion zsh)    # in ~/.zshrc"})
class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "bash|zsh", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("hanko-sync", spec.root().commandLine());
        // after the generator's shebang line, which must stay first
        int firstLineEnd = script.startsWith("#!") ? script.indexOf('\n') + 1 : 0;
        spec.commandLine().getOut().print(script.substring(0, firstLineEnd) + header() + script.substring(firstLineEnd));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private String header() {
        return switch (shell) {
            case bash -> "# hanko-sync completion for bash. Load it with: source <(hanko-sync completion bash)\n";
            case zsh -> "# hanko-sync completion for zsh (bash completion through bashcompinit).\n"
                    + "# Load it with: source <(hanko-sync completion zsh)\n";
        };
    }
}
