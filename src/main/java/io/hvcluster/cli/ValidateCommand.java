package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.inventory.load.InventoryReadException;
import io.hvcluster.inventory.load.LoadResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hvcluster validate INVENTORY}: every problem of the file, one line each, without touching any host. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks an inventory file and reports every problem in it, one line each.",
            "Contacts no host. Exit code 0 when valid (warnings allowed), 2 when there is any error."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<inventory>", description = "The inventory YAML file.")
    Path inventory;

    @Override
    public Integer call() {
        ConsoleLogging.configure(logging);
        LoadResult result;
        try {
            result = InventoryLoader.load(inventory);
        } catch (InventoryReadException e) {
            throw new UserException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        result.formattedProblems().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getOut().println(summary(result));
        return result.hasErrors() ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
    }

    private static String summary(LoadResult result) {
        String warnings = count(result.warnings().size(), "warning");
        if (result.hasErrors()) {
            return result.source() + ": " + count(result.errors().size(), "error") + ", " + warnings;
        }
        Inventory inv = result.inventory().orElseThrow();
        String valid = result.source() + ": valid (" + count(inv.hosts().size(), "host") + ", "
                + count(inv.networks().size(), "network") + ")";
        return result.warnings().isEmpty() ? valid : valid + ", " + warnings;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
