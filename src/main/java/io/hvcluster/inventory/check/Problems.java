package io.hvcluster.inventory.check;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one load, so that a single run reports all of them. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void add(Problem problem) {
        found.add(problem);
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    /** Every problem so far, in file order. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(found);
        copy.sort(Problem.BY_POSITION);
        return List.copyOf(copy);
    }
}
