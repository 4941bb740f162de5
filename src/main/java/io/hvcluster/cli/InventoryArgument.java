package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.inventory.load.InventoryReadException;
import io.hvcluster.inventory.load.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The INVENTORY argument every command but `simulate --help` takes; loading prints problems and fails with exit 2. */
public final class InventoryArgument {

    @Parameters(index = "0", paramLabel = "<inventory>", description = "The inventory YAML file.")
    Path file;

    /** Loads and validates; warnings go to {@code err}; any error ends the command with exit code 2. */
    Inventory load(PrintWriter err) {
        LoadResult result;
        try {
            result = InventoryLoader.load(file);
        } catch (InventoryReadException e) {
            throw new UserException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        result.formattedProblems().forEach(err::println);
        if (result.hasErrors()) {
            throw new UserException(ExitCode.INVALID_INPUT, result.source() + ": " + result.errors().size()
                    + " error(s); run 'hvcluster validate " + file + "' for the full list");
        }
        return result.inventory().orElseThrow();
    }

    Path file() {
        return file;
    }
}
