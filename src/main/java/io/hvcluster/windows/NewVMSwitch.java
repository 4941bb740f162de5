package io.hvcluster.windows;

/**
 * {@code New-VMSwitch -Name <name> -NetAdapterInterfaceDescription <description> -AllowManagementOS <allowManagementOs>}:
 * an external switch.
 *
 * @param name                           the switch's name
 * @param netAdapterInterfaceDescription the uplink, by the InterfaceDescription the facts found it with
 * @param allowManagementOs              whether the host gets an adapter on the switch ("vEthernet (name)")
 */
public record NewVMSwitch(String name, String netAdapterInterfaceDescription, boolean allowManagementOs) implements WindowsOp {
}
