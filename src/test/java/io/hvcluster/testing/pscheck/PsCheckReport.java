package io.hvcluster.testing.pscheck;

import io.hvcluster.inventory.TargetOs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What one checker run found: how many scripts it read, how long checking took, and every problem. */
public record PsCheckReport(TargetOs target, int files, Duration checkTime, List<PsProblem> problems) {

    public PsCheckReport {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** The problems of one script, matched on its file name (the checker reports the path it was given). */
    public List<PsProblem> problemsIn(String fileName) {
        return problems.stream().filter(p -> p.file().getFileName().toString().equals(fileName)).toList();
    }

    public List<PsProblem> problemsIn(Path file) {
        return problems.stream().filter(p -> p.file().equals(file)).toList();
    }
}
