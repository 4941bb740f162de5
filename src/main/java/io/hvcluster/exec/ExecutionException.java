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
    private final boolean transientFault;
    private final boolean notStarted;

    public ExecutionException(String host, Kind kind, String message) {
        this(host, kind, message, null, false, false);
    }

    public ExecutionException(String host, Kind kind, String message, Throwable cause) {
        this(host, kind, message, cause, false, false);
    }

    /**
     * @param transientFault the host or the network refused this one exchange in a way that passes (a WS-Management
     *                       fault answered with HTTP 500, a reset connection): asking again may well work
     * @param notStarted     the command provably did not start on the host (refused before it was created)
     */
    public ExecutionException(String host, Kind kind, String message, Throwable cause, boolean transientFault, boolean notStarted) {
        super(message, cause);
        this.host = host;
        this.kind = kind;
        this.transientFault = transientFault;
        this.notStarted = notStarted;
    }

    /** Asking again may work: the fault was one exchange's, not the host's state (see the constructor). */
    public boolean transientFault() {
        return transientFault;
    }

    /** The command provably did not start, so running it again cannot run it twice. */
    public boolean notStarted() {
        return notStarted;
    }

    public String host() {
        return host;
    }

    public Kind kind() {
        return kind;
    }
}
