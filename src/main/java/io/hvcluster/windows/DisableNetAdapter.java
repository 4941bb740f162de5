package io.hvcluster.windows;

/**
 * {@code Disable-NetAdapter}.
 *
 * @param ifIndex the adapter, by the interface index the facts found it with
 */
public record DisableNetAdapter(int ifIndex) implements WindowsOp {
}
