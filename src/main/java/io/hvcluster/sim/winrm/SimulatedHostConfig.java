package io.hvcluster.sim.winrm;

import io.hvcluster.secrets.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one simulated Windows host's WinRM endpoint behaves. Defaults follow Windows Server 2012 R2+ where the
 * captures agree (MaxTimeoutms 60000, MaxEnvelopeSizekb 500, IdleTimeout 7200 s, 1500 operations) and the
 * documented default of 30 shells per user. Build with {@link #builder(String)}.
 */
public final class SimulatedHostConfig {

    private final String hostName;
    private final int port;
    private final boolean https;
    private final String username;
    private final Secret password;
    private final boolean allowUnencrypted;
    private final Duration maxTimeout;
    private final int maxEnvelopeSizeKb;
    private final int maxShellsPerUser;
    private final int maxOperationsPerShell;
    private final Duration idleTimeout;
    private final Duration heartbeatInterval;
    private final Duration rebootDowntime;
    private final PowerShellHost powerShellHost;
    private final CommandHandler commandHandler;
    private final KerberosAcceptor kerberos;

    private SimulatedHostConfig(Builder b) {
        this.hostName = b.hostName;
        this.port = b.port;
        this.https = b.https;
        this.username = b.username;
        this.password = b.password;
        this.allowUnencrypted = b.allowUnencrypted;
        this.maxTimeout = b.maxTimeout;
        this.maxEnvelopeSizeKb = b.maxEnvelopeSizeKb;
        this.maxShellsPerUser = b.maxShellsPerUser;
        this.maxOperationsPerShell = b.maxOperationsPerShell;
        this.idleTimeout = b.idleTimeout;
        this.heartbeatInterval = b.heartbeatInterval;
        this.rebootDowntime = b.rebootDowntime;
        this.powerShellHost = b.powerShellHost;
        this.commandHandler = b.commandHandler;
        this.kerberos = b.kerberos;
    }

    public static Builder builder(String hostName) {
        return new Builder(hostName);
    }

    public String hostName() {
        return hostName;
    }

    /** The port to bind on 127.0.0.1; 0 picks a free one. */
    public int port() {
        return port;
    }

    public boolean https() {
        return https;
    }

    public String username() {
        return username;
    }

    public Secret password() {
        return password;
    }

    public boolean allowUnencrypted() {
        return allowUnencrypted;
    }

    public Duration maxTimeout() {
        return maxTimeout;
    }

    public int maxEnvelopeSizeKb() {
        return maxEnvelopeSizeKb;
    }

    public int maxShellsPerUser() {
        return maxShellsPerUser;
    }

    public int maxOperationsPerShell() {
        return maxOperationsPerShell;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration rebootDowntime() {
        return rebootDowntime;
    }

    public PowerShellHost powerShellHost() {
        return powerShellHost;
    }

    /** A replacement for the built-in {@link CmdShell}; empty means cmd.exe/powershell.exe as simulated here. */
    public Optional<CommandHandler> commandHandler() {
        return Optional.ofNullable(commandHandler);
    }

    /** The GSS acceptor for {@code Negotiate} (Kerberos) logons; empty: Basic only. */
    public Optional<KerberosAcceptor> kerberos() {
        return Optional.ofNullable(kerberos);
    }

    public static final class Builder {
        private final String hostName;
        private int port;
        private boolean https;
        private String username = "Administrator";
        private Secret password = Secret.of("hvcluster-sim");
        private boolean allowUnencrypted = true;
        private Duration maxTimeout = Duration.ofSeconds(60);
        private int maxEnvelopeSizeKb = 500;
        private int maxShellsPerUser = 30;
        private int maxOperationsPerShell = 1500;
        private Duration idleTimeout = Duration.ofHours(2);
        private Duration heartbeatInterval = Duration.ofSeconds(10);
        private Duration rebootDowntime = Duration.ofSeconds(5);
        private PowerShellHost powerShellHost = new UnknownScriptHost();
        private CommandHandler commandHandler;
        private KerberosAcceptor kerberos;

        private Builder(String hostName) {
            if (hostName == null || hostName.isBlank()) {
                throw new IllegalArgumentException("host name must not be blank");
            }
            this.hostName = hostName;
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + value);
            }
            this.port = value;
            return this;
        }

        /** Accept Kerberos (Negotiate) logons with this acceptor, besides Basic. */
        public Builder kerberos(KerberosAcceptor acceptor) {
            this.kerberos = Objects.requireNonNull(acceptor);
            return this;
        }

        public Builder https(boolean value) {
            this.https = value;
            return this;
        }

        public Builder credentials(String user, Secret secret) {
            this.username = Objects.requireNonNull(user);
            this.password = Objects.requireNonNull(secret);
            return this;
        }

        /** Windows' AllowUnencrypted: when false, Basic over plain HTTP is refused with 401 (use HTTPS). */
        public Builder allowUnencrypted(boolean value) {
            this.allowUnencrypted = value;
            return this;
        }

        /** MaxTimeoutms: the longest a Receive is held, whatever OperationTimeout asks for. */
        public Builder maxTimeout(Duration value) {
            this.maxTimeout = positive(value);
            return this;
        }

        public Builder maxEnvelopeSizeKb(int value) {
            if (value < 8) {
                throw new IllegalArgumentException("maxEnvelopeSizeKb must be at least 8: " + value);
            }
            this.maxEnvelopeSizeKb = value;
            return this;
        }

        public Builder maxShellsPerUser(int value) {
            this.maxShellsPerUser = atLeastOne(value);
            return this;
        }

        public Builder maxOperationsPerShell(int value) {
            this.maxOperationsPerShell = atLeastOne(value);
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = positive(value);
            return this;
        }

        /** How often a silent bootstrap run writes a heartbeat line to stderr (the real bootstrap does). */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = positive(value);
            return this;
        }

        /** How long a reboot keeps the endpoint down before it listens again on the same port. */
        public Builder rebootDowntime(Duration value) {
            this.rebootDowntime = Objects.requireNonNull(value);
            return this;
        }

        public Builder powerShellHost(PowerShellHost value) {
            this.powerShellHost = Objects.requireNonNull(value);
            return this;
        }

        public Builder commandHandler(CommandHandler value) {
            this.commandHandler = Objects.requireNonNull(value);
            return this;
        }

        public SimulatedHostConfig build() {
            return new SimulatedHostConfig(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration must be positive: " + d);
            }
            return d;
        }

        private static int atLeastOne(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("quota must be at least 1: " + v);
            }
            return v;
        }
    }
}
