package io.hvcluster.windows;

/**
 * {@code (Get-ClusterNetwork | Where-Object Id -eq <id>).Name = <newName>}.
 *
 * @param id      the cluster network, by the Id the facts found it with
 * @param newName the name it gets
 */
public record RenameClusterNetwork(String id, String newName) implements WindowsOp {
}
