package io.hvcluster.windows;

/**
 * {@code (Get-ClusterResource -Name <name>).Name = <newName>}.
 *
 * @param name    the resource, by the name the facts found it under
 * @param newName the name it gets
 */
public record RenameClusterResource(String name, String newName) implements WindowsOp {
}
