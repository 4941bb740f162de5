package io.hvcluster.sim.host;

import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.SessionGuarded;
import io.hvcluster.secrets.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One script run on one host: what the step reads (datacenter, host, secrets, script text, time) and what it
 * reports (the prologue's $HvcResult: changes, warnings, data; the stderr lines; the time it took).
 */
final class StepRun {

    final SimulatedDatacenter dc;
    final WindowsHost host;
    final String stepId;
    final String phase;
    final String scriptText;
    final Map<String, Secret> secrets;
    final Instant now;

    final List<String> changes = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Map<String, Object> data = new LinkedHashMap<>();
    final List<String> stderr = new ArrayList<>();
    Duration spent = Duration.ZERO;
    /** The WinRM logon the script runs in (the second hop depends on it). */
    SessionLogon logon = SessionLogon.BASIC;
    Optional<Duration> restartAfter = Optional.empty();
    /** What the script's last Test-Cluster left (its report and warnings), for the script to read; null before one ran. */
    TestClusterCmdlet.Outcome validation;

    StepRun(SimulatedDatacenter dc, WindowsHost host, String stepId, String phase, String scriptText,
            Map<String, Secret> secrets, Instant now) {
        this.dc = dc;
        this.host = host;
        this.stepId = stepId;
        this.phase = phase;
        this.scriptText = scriptText;
        this.secrets = secrets;
        this.now = now;
    }

    /** Add-HvcChange. */
    void change(String text) {
        changes.add(text);
        stderr.add("changed: " + text);
    }

    /** Add-HvcWarning. */
    void warning(String text) {
        warnings.add(text);
        stderr.add("warning: " + text);
    }

    void spend(Duration d) {
        spent = spent.plus(d);
    }

    /** The script's own clock: its start plus what it has spent (epoch ms). */
    long nowMillis() {
        return now.plus(spent).toEpochMilli();
    }

    /**
     * A script's bounded poll: waits (spends time) until {@code readyAtMillis} if that is within {@code waitSeconds},
     * else spends the whole wait. Returns whether it became ready.
     */
    boolean waitUntil(long readyAtMillis, int waitSeconds) {
        long left = readyAtMillis - nowMillis();
        if (left <= 0) {
            return true;
        }
        if (left > waitSeconds * 1000L) {
            spend(Duration.ofSeconds(waitSeconds));
            return false;
        }
        spend(Duration.ofMillis(left));
        return true;
    }

    /**
     * The host's facts as templates/facts/probe.ps1.vm reads them now. For a script that protects its session's
     * adapter, found with the script's own WinRM ports and connect address (and its "cannot resolve" warning).
     */
    HostFacts facts(Record params) {
        String connect = host.sessionAddress;
        List<Integer> ports = List.of(5985, 5986);
        if (params instanceof SessionGuarded g) {
            connect = g.connectAddress();
            ports = g.winrmPorts();
            SessionAdapters.find(dc, host, connect, this::warningOnce);
        }
        return FactsSnapshot.forStepScript(dc, host).facts(new FactsProbe.Params(FactsProbe.FEATURES, ports, connect));
    }

    private void warningOnce(String text) {
        if (!warnings.contains(text)) {
            warning(text);
        }
    }

    Latencies latencies() {
        return dc.latencies();
    }

    Optional<SimulatedCluster> cluster() {
        return dc.clusterOf(host.name);
    }

    /** Get-ClusterNode / Get-Cluster on this node: it must be a member with ClusSvc running. */
    SimulatedCluster requireCluster() throws StepFailure {
        return cluster().orElseThrow(() -> new StepFailure(
                "The cluster service is not running.  Make sure that the service is running on all nodes in the cluster."));
    }
}
