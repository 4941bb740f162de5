/**
 * The simulated Windows hosts behind hvcluster's simulator: a model of the state of a few domain-joined
 * Windows Server hosts, their shared SAN, AD and failover clusters, and a runner that "executes" hvcluster's
 * own rendered scripts by recognising their header and applying each step's effect to the model, with the
 * same guards and result JSON as the template. It is a model of Windows state for orchestration, fault and
 * idempotence tests, not a PowerShell interpreter. See docs/simulator-hosts.md.
 */
package io.hvcluster.sim.host;
