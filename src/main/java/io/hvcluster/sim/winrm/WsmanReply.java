package io.hvcluster.sim.winrm;

/** An HTTP status and a SOAP envelope to send back. */
record WsmanReply(int status, String body) {
}
