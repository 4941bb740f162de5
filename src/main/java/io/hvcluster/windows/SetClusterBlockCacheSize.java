package io.hvcluster.windows;

/**
 * {@code (Get-Cluster).BlockCacheSize = <megabytes>}: the CSV block cache, a property of the whole cluster.
 *
 * @param megabytes the cache size in MB (0 turns it off)
 */
public record SetClusterBlockCacheSize(long megabytes) implements WindowsOp {
}
