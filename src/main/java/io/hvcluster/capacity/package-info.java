/**
 * The capacity planner: from the inventory's {@link io.hvcluster.inventory.CapacitySpec} and its host
 * count to a {@link io.hvcluster.capacity.CapacityReport} (RAM with the failover reserve down, vCPU ratios,
 * SAN size, findings), rendered by {@link io.hvcluster.capacity.CapacityTable} and
 * {@link io.hvcluster.capacity.CapacityJson}. Pure computation, no I/O. Depends on {@code inventory} only
 * (and on Jackson inside {@code CapacityJson}, which shows no Jackson type). docs/capacity.md has the formulas.
 */
package io.hvcluster.capacity;
