package io.hvcluster.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hvcluster version}: the same text as {@code --version}, for admins who type it as a command. */
@Command(name = "version", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Prints the version of hvcluster and of the Java runtime it runs on.",
        footerHeading = "%nExamples:%n", footer = "  hvcluster version")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String line : new VersionProvider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return ExitCode.OK.code();
    }
}
