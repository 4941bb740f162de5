package io.hvcluster.windows;

/**
 * {@code Set-NetIPInterface -InterfaceIndex <ifIndex> -AddressFamily IPv4 -Dhcp Enabled|Disabled}.
 *
 * @param ifIndex the interface, by the index the facts found it with
 * @param dhcp    whether the IPv4 DHCP client runs on it
 */
public record SetNetIPInterface(int ifIndex, boolean dhcp) implements WindowsOp {
}
