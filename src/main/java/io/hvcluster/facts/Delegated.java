package io.hvcluster.facts;

/**
 * Parameters of a step whose script leaves the node with {@link Delegation}'s account (the second hop: New-Cluster,
 * Add-ClusterNode, Test-Cluster). Such a step reads the account's password from $HvcSecrets
 * ({@link io.hvcluster.pipeline.Step#secrets()}).
 */
public interface Delegated {

    Delegation delegation();
}
