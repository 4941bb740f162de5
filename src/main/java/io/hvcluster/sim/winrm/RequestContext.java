package io.hvcluster.sim.winrm;

/**
 * Facts about the HTTP request a WinRS operation needs.
 *
 * @param user        the authenticated user name
 * @param endpointUrl the URL the client used (for x:ResourceCreated/a:Address)
 * @param clientIp    the client's address (rsp:ClientIP)
 * @param machine     the host part of the URL, which Windows puts in a fault's Machine attribute
 * @param logon       how the request authenticated (and whether it carried a delegated credential)
 */
record RequestContext(String user, String endpointUrl, String clientIp, String machine, WinRmLogon logon) {
}
