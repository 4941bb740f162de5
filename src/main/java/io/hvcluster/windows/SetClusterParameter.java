package io.hvcluster.windows;

/**
 * {@code Set-ClusterParameter -InputObject (Get-ClusterResourceType -Name <resourceType>) -Name <parameter> -Value <value>}:
 * a private property of a cluster resource type (the 'Virtual Machine' type's MigrationNetworkOrder and
 * MigrationExcludeNetworks: cluster network Ids, ';'-separated).
 */
public record SetClusterParameter(String resourceType, String parameter, String value) implements WindowsOp {
}
