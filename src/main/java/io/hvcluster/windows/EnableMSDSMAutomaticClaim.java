package io.hvcluster.windows;

/**
 * {@code Enable-MSDSMAutomaticClaim -BusType <busType>}: the Microsoft DSM claims the LUNs of that bus as they arrive
 * (those already present at the next boot). A cmdlet of the MPIO module, which comes with Multipath-IO.
 *
 * @param busType iSCSI or SAS
 */
public record EnableMSDSMAutomaticClaim(String busType) implements WindowsOp {
}
