package io.hvcluster.windows;

/**
 * {@code Disable-NetAdapterBinding} of one component on one adapter.
 *
 * @param ifIndex     the adapter, by the interface index the facts found it with
 * @param componentId the binding's ComponentID ("ms_tcpip", "ms_lltdio", ...)
 */
public record DisableNetAdapterBinding(int ifIndex, String componentId) implements WindowsOp {
}
