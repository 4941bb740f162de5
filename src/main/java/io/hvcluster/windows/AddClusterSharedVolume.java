package io.hvcluster.windows;

/**
 * {@code Add-ClusterSharedVolume -Name <name>}.
 *
 * @param name the Physical Disk resource that becomes a Cluster Shared Volume
 */
public record AddClusterSharedVolume(String name) implements WindowsOp {
}
