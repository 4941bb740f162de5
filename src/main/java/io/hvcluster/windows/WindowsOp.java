package io.hvcluster.windows;

/**
 * One cmdlet-level change to a Windows host (see the package documentation). Implementations are records named after
 * the cmdlet they stand for; the simulator's {@code io.hvcluster.sim.host.Cmdlets} applies each kind, and a kind it
 * does not know fails the simulated script, so an operation added without its model cannot pass a simulated build.
 */
public interface WindowsOp {
}
