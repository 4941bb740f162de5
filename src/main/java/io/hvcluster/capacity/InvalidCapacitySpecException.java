package io.hvcluster.capacity;

import java.util.List;

/**
 * The capacity section holds values no plan can be made from (a negative count, 100% free space).
 * The inventory validator should reject these first; this is the planner's own guard, and it
 * names every problem with its inventory path.
 */
public final class InvalidCapacitySpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidCapacitySpecException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code capacity.vmGroups[1].memoryGb: must be greater than 0 (got -4.0)}. */
    public List<String> problems() {
        return problems;
    }
}
