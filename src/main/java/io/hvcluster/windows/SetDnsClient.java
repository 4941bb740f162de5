package io.hvcluster.windows;

/**
 * {@code Set-DnsClient -InterfaceIndex <ifIndex> -RegisterThisConnectionsAddress <register>}.
 *
 * @param ifIndex  the interface, by the index the facts found it with
 * @param register whether the interface registers its addresses in DNS
 */
public record SetDnsClient(int ifIndex, boolean register) implements WindowsOp {
}
