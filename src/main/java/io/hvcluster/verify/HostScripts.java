package io.hvcluster.verify;

import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.inventory.Host;
import java.time.Duration;

/** Runs one script on one host (the run's executor for it); verify and burn-in need nothing else of a run. */
@FunctionalInterface
public interface HostScripts {

    /** @throws io.hvcluster.exec.ExecutionException when the host cannot be reached or the connection breaks */
    ScriptResult run(Host host, Script script, Duration timeout);
}
