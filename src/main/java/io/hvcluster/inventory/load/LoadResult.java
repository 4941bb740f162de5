package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.check.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What loading an inventory produced.
 *
 * @param source    the file name as the user gave it, for messages
 * @param inventory the model; present only when there are no errors
 * @param problems  every error and warning, in file order
 */
public record LoadResult(String source, Optional<Inventory> inventory, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
        if (inventory.isPresent() && problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("an inventory with errors must not be built");
        }
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean hasErrors() {
        return inventory.isEmpty();
    }

    /** Every problem as {@code FILE:LINE:COL: error: PATH: MESSAGE}. */
    public List<String> formattedProblems() {
        return problems.stream().map(p -> p.format(source)).toList();
    }
}
