package io.hvcluster.windows;

/**
 * {@code Rename-NetAdapter -Name <current> -NewName <newName>}.
 *
 * @param ifIndex the adapter, by the interface index the facts found it with
 * @param newName the name it gets
 */
public record RenameNetAdapter(int ifIndex, String newName) implements WindowsOp {
}
