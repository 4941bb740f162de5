package io.hvcluster.windows;

/**
 * {@code Set-DnsClientServerAddress -InterfaceIndex <ifIndex> -ResetServerAddresses}: the interface asks no DNS server
 * of its own.
 *
 * @param ifIndex the interface, by the index the facts found it with
 */
public record SetDnsClientServerAddress(int ifIndex) implements WindowsOp {
}
