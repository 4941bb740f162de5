package io.hvcluster.windows;

/**
 * {@code Resume-ClusterNode -Name <node>}: a paused node takes roles again (a node that is already Up stays as it is).
 *
 * @param node the cluster node, by name
 */
public record ResumeClusterNode(String node) implements WindowsOp {
}
