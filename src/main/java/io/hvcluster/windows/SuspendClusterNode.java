package io.hvcluster.windows;

/**
 * {@code Suspend-ClusterNode -Name <node> -Drain -Wait}: moves the node's roles away and pauses it; the call returns
 * once the drain has ended, Completed or not.
 *
 * @param node the cluster node, by name
 */
public record SuspendClusterNode(String node) implements WindowsOp {
}
