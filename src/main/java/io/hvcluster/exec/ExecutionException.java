package io.hvcluster.exec;

/**
 * A script could not be run or its result not read. The message is one line a person can act on and never
 * contains a secret; {@link #kind()} tells the runner how to react (retry after a reboot, give up, ...).
 */
public class ExecutionException extends RuntimeException {

    public enum Kind {
        /** Nothing answered: connection refused, no route, DNS failure, connect timeout. */
        UNREACHABLE,
        /** The host answered 401: wrong user or password, or the auth method is not enabled. */
        AUTHENTICATION_FAILED,
        /** The connection broke while a command ran (a reboot, a network blip). */
        CONNECTION_LOST,
        /** The host answered with a WS-Management fault or an unexpected HTTP status. */
        PROTOCOL_FAULT,
        /** The script ran longer than its timeout. */
        TIMEOUT,
        /** The HTTPS certificate could not be trusted. */
        CERTIFICATE_REJECTED
    }

    private final String host;
    private final Kind kind;

    public ExecutionException(String host, Kind kind, String message) {
        super(message);
        this.host = host;
        this.kind = kind;
    }

    public ExecutionException(String host, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.host = host;
        this.kind = kind;
    }

    public String host() {
        return host;
    }

    public Kind kind() {
        return kind;
    }
}
