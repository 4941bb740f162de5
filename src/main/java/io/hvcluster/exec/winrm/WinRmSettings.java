package io.hvcluster.exec.winrm;

import io.hvcluster.secrets.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the WinRM executor needs to reach one host. Typed on purpose: OverThere's string-keyed
 * {@code ConnectionOptions} are built from it in exactly one place ({@link OverthereOptions#from}).
 *
 * @param hostName             the inventory name of the host, used in messages ("HV01")
 * @param address              DNS name or IP address to connect to
 * @param port                 WinRM listener port (5985 HTTP, 5986 HTTPS)
 * @param https                whether to use the HTTPS listener
 * @param auth                 Basic (local accounts) or Kerberos (domain accounts)
 * @param username             the account; Kerberos wants user@REALM
 * @param password             its password (never printed)
 * @param skipCertificateCheck accept any HTTPS certificate and host name (lab use only; logged as insecure)
 * @param connectTimeout       TCP connect timeout
 * @param operationTimeout     WS-Management OperationTimeout: the longest one Receive may wait for output
 * @param heartbeatInterval    how often the bootstrap writes a heartbeat line; must be below operationTimeout
 * @param kerberos             Kerberos options, ignored for Basic
 */
public record WinRmSettings(
        String hostName,
        String address,
        int port,
        boolean https,
        Auth auth,
        String username,
        Secret password,
        boolean skipCertificateCheck,
        Duration connectTimeout,
        Duration operationTimeout,
        Duration heartbeatInterval,
        Kerberos kerberos) {

    public static final int DEFAULT_HTTP_PORT = 5985;
    public static final int DEFAULT_HTTPS_PORT = 5986;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    public enum Auth { BASIC, KERBEROS }

    /** Which service class the Kerberos SPN uses: {@code WSMAN/host} (Windows' default) or {@code HTTP/host}. */
    public enum SpnService { WSMAN, HTTP }

    /**
     * @param useTicketCache        use the ticket cache of a previous kinit instead of the password
     * @param spnService            WSMAN (default) or HTTP
     * @param addPortToSpn          ask for {@code WSMAN/host:port} instead of {@code WSMAN/host}
     * @param useCanonicalHostname  resolve the address to its canonical DNS name before building the SPN
     * @param krb5Conf              a krb5.conf to use instead of the JVM's default
     * @param delegate              forward the TGT (connection.secondHop: delegation): hvcluster makes the TGT
     *                              forwardable or not, since OverThere always asks for delegation (Krb5ConfProperty)
     */
    public record Kerberos(boolean useTicketCache, SpnService spnService, boolean addPortToSpn,
                           boolean useCanonicalHostname, Optional<Path> krb5Conf, boolean delegate) {

        public Kerberos {
            Objects.requireNonNull(spnService, "spnService");
            Objects.requireNonNull(krb5Conf, "krb5Conf");
        }

        /** Options without delegation. */
        public Kerberos(boolean useTicketCache, SpnService spnService, boolean addPortToSpn, boolean useCanonicalHostname,
                        Optional<Path> krb5Conf) {
            this(useTicketCache, spnService, addPortToSpn, useCanonicalHostname, krb5Conf, false);
        }

        public static Kerberos defaults() {
            return new Kerberos(false, SpnService.WSMAN, false, false, Optional.empty(), false);
        }

        public Kerberos withKrb5Conf(Path conf) {
            return new Kerberos(useTicketCache, spnService, addPortToSpn, useCanonicalHostname, Optional.of(conf), delegate);
        }

        public Kerberos withDelegation(boolean forward) {
            return new Kerberos(useTicketCache, spnService, addPortToSpn, useCanonicalHostname, krb5Conf, forward);
        }
    }

    public WinRmSettings {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(kerberos, "kerberos");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(hostName + ": WinRM port must be 1-65535, not " + port);
        }
        if (username.contains("\\")) {
            throw new IllegalArgumentException(hostName + ": user '" + username
                    + "': OverThere does not accept DOMAIN\\user; use user@REALM (Kerberos) or a local account (Basic)");
        }
        if (auth == Auth.KERBEROS && (username.indexOf('@') <= 0 || username.endsWith("@"))) {
            throw new IllegalArgumentException(hostName + ": Kerberos needs the user as user@REALM, not '" + username + "'");
        }
        if (auth == Auth.BASIC && username.contains("@")) {
            // OverThere switches to Kerberos whenever the user name contains '@', whatever we ask for.
            throw new IllegalArgumentException(hostName + ": user '" + username
                    + "' looks like a domain account (user@REALM); Basic works only for local accounts, use Kerberos");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException(hostName + ": connect timeout must be positive");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || heartbeatInterval.compareTo(operationTimeout) >= 0) {
            throw new IllegalArgumentException(hostName + ": heartbeat interval (" + heartbeatInterval.toMillis()
                    + " ms) must be positive and below the operation timeout (" + operationTimeout.toMillis() + " ms)");
        }
    }

    /** Settings with the documented defaults for everything but the essentials. */
    public static WinRmSettings of(String hostName, String address, boolean https, Auth auth, String username,
                                   Secret password) {
        return new WinRmSettings(hostName, address, https ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT, https, auth,
                username, password, false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_OPERATION_TIMEOUT,
                DEFAULT_HEARTBEAT_INTERVAL, Kerberos.defaults());
    }

    public WinRmSettings withPort(int newPort) {
        return new WinRmSettings(hostName, address, newPort, https, auth, username, password, skipCertificateCheck,
                connectTimeout, operationTimeout, heartbeatInterval, kerberos);
    }

    public WinRmSettings withSkipCertificateCheck(boolean skip) {
        return new WinRmSettings(hostName, address, port, https, auth, username, password, skip,
                connectTimeout, operationTimeout, heartbeatInterval, kerberos);
    }

    public WinRmSettings withTimeouts(Duration connect, Duration operation, Duration heartbeat) {
        return new WinRmSettings(hostName, address, port, https, auth, username, password, skipCertificateCheck,
                connect, operation, heartbeat, kerberos);
    }

    public WinRmSettings withKerberos(Kerberos newKerberos) {
        return new WinRmSettings(hostName, address, port, https, auth, username, password, skipCertificateCheck,
                connectTimeout, operationTimeout, heartbeatInterval, newKerberos);
    }

    /** "hv01.corp.example.com:5986 over HTTPS", for messages. */
    String endpoint() {
        return address + ":" + port + " over " + (https ? "HTTPS" : "HTTP");
    }

    String url() {
        return (https ? "https" : "http") + "://" + address + ":" + port + "/wsman";
    }

    @Override
    public String toString() {
        // The record's generated toString would be safe too (Secret masks itself); spelled out to keep it short.
        return "WinRmSettings[" + hostName + " " + url() + " " + auth + " user=" + username + "]";
    }
}
