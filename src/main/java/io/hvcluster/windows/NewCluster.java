package io.hvcluster.windows;

import java.util.List;

/**
 * {@code New-Cluster -Name <name> -Node <nodes> -StaticAddress <staticAddress> -NoStorage -IgnoreNetwork <ignoreNetworks> -Force}
 * (the step's splat adds -ManagementPointNetworkType where the target version documents it).
 *
 * @param ignoreNetworks CIDRs the cluster address must not be placed on
 */
public record NewCluster(String name, String staticAddress, List<String> nodes, List<String> ignoreNetworks) implements WindowsOp {

    public NewCluster {
        nodes = List.copyOf(nodes);
        ignoreNetworks = List.copyOf(ignoreNetworks);
    }
}
