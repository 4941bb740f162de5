package io.hvcluster.windows;

/** {@code Add-ClusterNode -Name <node> -NoStorage}, run on a node of {@code cluster}. */
public record AddClusterNode(String cluster, String node) implements WindowsOp {
}
