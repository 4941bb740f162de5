package io.hvcluster.cli;

import io.hvcluster.exec.winrm.WinRmExecutor;
import io.hvcluster.exec.winrm.WinRmSettings;
import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.run.ExecutorFactory;
import io.hvcluster.secrets.Secret;
import java.time.Duration;

/** Maps the inventory's connection section to the WinRM executor's settings, host by host. */
final class WinRmExecutors {

    private WinRmExecutors() {
    }

    static ExecutorFactory factory(Connection c, Secret password) {
        Duration heartbeat = c.operationTimeout().compareTo(Duration.ofSeconds(30)) > 0
                ? WinRmSettings.DEFAULT_HEARTBEAT_INTERVAL
                : c.operationTimeout().dividedBy(3);
        return host -> new WinRmExecutor(new WinRmSettings(host.name(), host.address(), c.port(), c.https(),
                c.auth() == AuthMethod.KERBEROS ? WinRmSettings.Auth.KERBEROS : WinRmSettings.Auth.BASIC,
                c.username(), password, c.skipCertificateCheck(), c.connectTimeout(), c.operationTimeout(), heartbeat,
                WinRmSettings.Kerberos.defaults().withDelegation(c.secondHopMechanism() == SecondHop.DELEGATION)));
    }
}
