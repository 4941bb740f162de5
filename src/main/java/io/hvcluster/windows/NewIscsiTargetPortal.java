package io.hvcluster.windows;

/**
 * {@code New-IscsiTargetPortal -TargetPortalAddress <targetPortalAddress> -InitiatorPortalAddress <initiatorPortalAddress>}:
 * discovery through that portal, from the iSCSI NIC that has that address.
 *
 * @param targetPortalAddress    the array's portal
 * @param initiatorPortalAddress the host's address the discovery leaves from
 */
public record NewIscsiTargetPortal(String targetPortalAddress, String initiatorPortalAddress) implements WindowsOp {
}
