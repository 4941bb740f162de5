package io.hvcluster.windows;

/**
 * {@code Register-IscsiSession -SessionIdentifier <the session(s) of this path> -IsMultipathEnabled [CHAP]}: an existing
 * session made persistent (reconnected at every boot).
 *
 * @param nodeAddress            the target's IQN, or "" for the sessions to every target of the portal
 * @param targetPortalAddress    the array's portal
 * @param initiatorPortalAddress the host's address the session leaves from
 * @param isMultipathEnabled     a path the Microsoft DSM may combine with others
 * @param chap                   the CHAP logon, or null for none
 */
public record RegisterIscsiSession(String nodeAddress, String targetPortalAddress, String initiatorPortalAddress, boolean isMultipathEnabled,
        IscsiChap chap) implements WindowsOp {
}
