package io.hvcluster.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster completion bash|powershell}: a tab-completion script for the shell, built from the commands
 * themselves so it never lists an option that does not exist. Bash's comes from picocli; PowerShell's is a
 * native argument completer (Register-ArgumentCompleter -Native), because picocli has none.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Prints a tab-completion script for bash or PowerShell: commands, options and the values of options "
                + "that take a fixed set of values. Where nothing else applies, the shell completes file names."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bash:        source <(hvcluster completion bash)",
            "               (or save it as /etc/bash_completion.d/hvcluster)",
            "  PowerShell:  hvcluster completion powershell | Out-String | Invoke-Expression",
            "               (add that line to $PROFILE to keep it)"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, powershell }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<shell>", description = "bash or powershell.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = shell == Shell.bash ? AutoComplete.bash("hvcluster", root) : powerShell(root.getCommandSpec());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    /** The PowerShell completer: every subcommand's options, and the values of options that have a fixed set. */
    static String powerShell(CommandSpec root) {
        Map<String, List<String>> options = new TreeMap<>();
        Map<String, List<String>> values = new TreeMap<>();
        root.subcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            List<String> names = new ArrayList<>();
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.hidden()) {
                    continue;
                }
                names.addAll(List.of(o.names()));
                if (o.completionCandidates() != null) {
                    List<String> candidates = new ArrayList<>();
                    o.completionCandidates().forEach(candidates::add);
                    for (String n : o.names()) {
                        values.put(n, candidates);
                    }
                }
            }
            options.put(name, names);
        });
        StringBuilder b = new StringBuilder();
        b.append("# hvcluster tab completion for PowerShell 5.1 and 7.\n");
        b.append("# Load it with:  hvcluster completion powershell | Out-String | Invoke-Expression\n");
        b.append("Register-ArgumentCompleter -Native -CommandName 'hvcluster', 'hvcluster.cmd', 'hvcluster.ps1' -ScriptBlock {\n");
        b.append("    param($wordToComplete, $commandAst, $cursorPosition)\n");
        b.append("    $options = @{\n");
        options.forEach((cmd, names) -> b.append("        ").append(quote(cmd)).append(" = @(").append(list(names)).append(")\n"));
        b.append("    }\n");
        b.append("    $values = @{\n");
        values.forEach((opt, vals) -> b.append("        ").append(quote(opt)).append(" = @(").append(list(vals)).append(")\n"));
        b.append("    }\n");
        b.append("    $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })\n");
        b.append("    $typed = if ($wordToComplete) { $words.Count - 1 } else { $words.Count }\n");
        b.append("    if ($typed -le 1) {\n");
        b.append("        $candidates = $options.Keys\n");
        b.append("    } elseif ($values.ContainsKey($words[$typed - 1])) {\n");
        b.append("        $candidates = $values[$words[$typed - 1]]\n");
        b.append("    } elseif ($wordToComplete -like '-*' -and $options.ContainsKey($words[1])) {\n");
        b.append("        $candidates = $options[$words[1]]\n");
        b.append("    } else {\n");
        b.append("        return  # nothing returned: PowerShell completes file names\n");
        b.append("    }\n");
        b.append("    $candidates | Where-Object { $_ -like \"$wordToComplete*\" } | Sort-Object | ForEach-Object {\n");
        b.append("        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)\n");
        b.append("    }\n");
        b.append("}\n");
        return b.toString();
    }

    private static String list(List<String> items) {
        return String.join(", ", items.stream().map(CompletionCommand::quote).toList());
    }

    /** Single-quoted PowerShell literal; option names never hold quotes, but double any all the same. */
    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
