package io.hvcluster.windows;

/**
 * {@code Remove-NetRoute -InterfaceIndex <ifIndex> -DestinationPrefix <prefix> -PolicyStore <store>}, once for each
 * policy store that holds the route (ActiveStore and PersistentStore): removed from the ActiveStore only, a route
 * comes back at the next restart.
 *
 * @param ifIndex           the interface, by the index the facts found it with
 * @param destinationPrefix the route, "0.0.0.0/0" for the default route
 */
public record RemoveNetRoute(int ifIndex, String destinationPrefix) implements WindowsOp {
}
