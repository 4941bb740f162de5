package io.hvcluster.inventory;

import java.time.Duration;

/**
 * How the tool reaches every host over WinRM.
 *
 * @param port                WinRM port (5985 HTTP, 5986 HTTPS)
 * @param https               whether to use HTTPS
 * @param auth                Basic (local accounts) or Kerberos (domain accounts)
 * @param username            the account; Kerberos wants user@REALM
 * @param password            where the password comes from; never the password itself
 * @param skipCertificateCheck explicit opt-out of HTTPS certificate checks (lab use only)
 * @param connectTimeout      TCP connect timeout
 * @param operationTimeout    WS-Management OperationTimeout (how long one Receive may wait)
 * @param allowPasswordOverHttp the admin accepts that, with https false, the domain password crosses the network
 *                            in cleartext inside the cluster steps' payload; without it those steps are refused
 * @param secondHop           how cluster-wide scripts reach the other nodes and AD (docs/second-hop.md)
 */
public record Connection(
        int port,
        boolean https,
        AuthMethod auth,
        String username,
        PasswordSource password,
        boolean skipCertificateCheck,
        Duration connectTimeout,
        Duration operationTimeout,
        boolean allowPasswordOverHttp,
        SecondHop secondHop) {

    /** A connection that never sends the domain password over plain HTTP, with {@code secondHop: auto}. */
    public Connection(int port, boolean https, AuthMethod auth, String username, PasswordSource password,
            boolean skipCertificateCheck, Duration connectTimeout, Duration operationTimeout) {
        this(port, https, auth, username, password, skipCertificateCheck, connectTimeout, operationTimeout, false, SecondHop.AUTO);
    }

    /** A connection with {@code secondHop: auto}. */
    public Connection(int port, boolean https, AuthMethod auth, String username, PasswordSource password,
            boolean skipCertificateCheck, Duration connectTimeout, Duration operationTimeout, boolean allowPasswordOverHttp) {
        this(port, https, auth, username, password, skipCertificateCheck, connectTimeout, operationTimeout, allowPasswordOverHttp,
                SecondHop.AUTO);
    }

    /** A connection that never sends the domain password over plain HTTP. */
    public Connection(int port, boolean https, AuthMethod auth, String username, PasswordSource password,
            boolean skipCertificateCheck, Duration connectTimeout, Duration operationTimeout, SecondHop secondHop) {
        this(port, https, auth, username, password, skipCertificateCheck, connectTimeout, operationTimeout, false, secondHop);
    }

    /** Whether the domain password may be delivered: over HTTPS, or over HTTP when the admin allowed it. */
    public boolean mayDeliverPassword() {
        return https || allowPasswordOverHttp;
    }

    public static final int DEFAULT_HTTP_PORT = 5985;
    public static final int DEFAULT_HTTPS_PORT = 5986;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);

    /** The mechanism the scripts use: {@code auto} resolved for this authentication. */
    public SecondHop secondHopMechanism() {
        return secondHop.resolve(auth);
    }
}
