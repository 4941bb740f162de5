package io.hvcluster.windows;

/**
 * {@code New-NetIPAddress -InterfaceIndex <ifIndex> -IPAddress <ipAddress> -PrefixLength <prefixLength> -AddressFamily IPv4}.
 *
 * @param ifIndex      the interface, by the index the facts found it with
 * @param ipAddress    the address, dotted
 * @param prefixLength its prefix length
 */
public record NewNetIPAddress(int ifIndex, String ipAddress, int prefixLength) implements WindowsOp {
}
