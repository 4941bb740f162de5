package io.hvcluster.windows;

/**
 * {@code Set-VMSwitch -Name <name> -AllowManagementOS <allowManagementOs>}.
 *
 * @param name              the switch, by the name the facts found it with
 * @param allowManagementOs whether the host has an adapter on the switch
 */
public record SetVMSwitch(String name, boolean allowManagementOs) implements WindowsOp {
}
