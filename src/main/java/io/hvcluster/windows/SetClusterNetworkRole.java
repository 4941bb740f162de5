package io.hvcluster.windows;

/**
 * {@code (Get-ClusterNetwork | Where-Object Id -eq <id>).Role = <role>} (ClusterNetworkRole: None 0, Cluster 1,
 * ClusterAndClient 3).
 *
 * @param id    the cluster network, by the Id the facts found it with
 * @param role  the role it gets
 * @param stray whether it is a network the inventory does not know (only the script's report line says so)
 */
public record SetClusterNetworkRole(String id, int role, boolean stray) implements WindowsOp {
}
