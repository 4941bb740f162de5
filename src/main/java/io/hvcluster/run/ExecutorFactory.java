package io.hvcluster.run;

import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.inventory.Host;

/** Opens the executor for one host (WinRM, the simulator, a test fake). The runner closes what it opens. */
@FunctionalInterface
public interface ExecutorFactory {

    ScriptExecutor open(Host host);
}
