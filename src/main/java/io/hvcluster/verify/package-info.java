/**
 * {@code hvcluster verify}: read-only checks of the running cluster against the inventory (the facts probe plus the
 * verify probe, judged by {@link io.hvcluster.verify.ClusterChecks}), and the burn-in acceptance test
 * ({@link io.hvcluster.verify.BurnIn}): test VMs live-migrated to every node, CSV ownership moved, nodes drained and
 * resumed, and everything it created removed again.
 */
package io.hvcluster.verify;
