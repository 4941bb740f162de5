package io.hvcluster.windows;

/**
 * {@code Connect-IscsiTarget -NodeAddress <nodeAddress> -TargetPortalAddress -InitiatorPortalAddress -IsPersistent
 * -IsMultipathEnabled [CHAP]}: one session, one path; with {@code nodeAddress} "" one for every target the portal
 * offers this initiator (the template logs on to each target Get-IscsiTarget lists).
 *
 * @param nodeAddress            the target's IQN, or "" for every target the portal offers
 * @param targetPortalAddress    the array's portal
 * @param initiatorPortalAddress the host's address the session leaves from
 * @param isPersistent           reconnected at every boot
 * @param isMultipathEnabled     a path the Microsoft DSM may combine with others
 * @param chap                   the CHAP logon, or null for none
 */
public record ConnectIscsiTarget(String nodeAddress, String targetPortalAddress, String initiatorPortalAddress, boolean isPersistent,
        boolean isMultipathEnabled, IscsiChap chap) implements WindowsOp {
}
