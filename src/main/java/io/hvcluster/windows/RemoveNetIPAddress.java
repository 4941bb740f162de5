package io.hvcluster.windows;

/**
 * {@code Remove-NetIPAddress} of one IPv4 address on one interface.
 *
 * @param ifIndex      the interface, by the index the facts found it with
 * @param ipAddress    the address, dotted
 * @param prefixLength its prefix length
 */
public record RemoveNetIPAddress(int ifIndex, String ipAddress, int prefixLength) implements WindowsOp {
}
