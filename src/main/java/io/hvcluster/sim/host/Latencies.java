package io.hvcluster.sim.host;

import io.hvcluster.estimate.HardwareProfile;
import java.time.Duration;

/**
 * How long simulated things take. The defaults are short so that a whole 4-node build simulates in seconds;
 * {@link #realistic()} gives figures closer to real servers.
 *
 * @param powerShellStart    starting powershell.exe and loading modules, added to every script
 * @param featureInstall     Install-WindowsFeature
 * @param testCluster        Test-Cluster
 * @param newCluster         New-Cluster and Add-ClusterNode
 * @param rebootDowntime     from the start of a restart until WinRM answers again
 * @param shutdownDelayCap   the longest a scheduled restart (shutdown.exe /t N) waits; caps N so tests stay fast
 * @param hyperVSecondReboot whether Hyper-V restarts the host a second time by itself, as real hosts do
 * @param secondRebootGap    how long the host answers between Hyper-V's two restarts
 */
public record Latencies(Duration powerShellStart, Duration featureInstall, Duration testCluster, Duration newCluster,
        Duration rebootDowntime, Duration shutdownDelayCap, boolean hyperVSecondReboot, Duration secondRebootGap) {

    public static Latencies fast() {
        return new Latencies(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofSeconds(1), Duration.ofMillis(500), true, Duration.ofMillis(200));
    }

    /**
     * The typical figures of {@link HardwareProfile#rackServer()} (docs/performance.md) for a 4-node lab: the
     * profile is the one place real-hardware timings live.
     */
    public static Latencies realistic() {
        HardwareProfile p = HardwareProfile.rackServer();
        return new Latencies(p.powerShellStart().typical().plus(p.moduleImport().typical()), p.installFailoverClustering().typical(),
                p.testClusterBase().typical().plus(p.testClusterPerNode().typical().multipliedBy(4)),
                p.newClusterBase().typical(), p.typicalRestart(), Duration.ofSeconds(60), p.hyperVSecondRestart(),
                p.hyperVSecondRestartGap().typical());
    }

    /**
     * Scripts take no time and restarts happen when asked ({@code shutdown.exe /t} uncapped): for the bench, which
     * charges every script and restart itself from the profile, host by host.
     */
    public static Latencies none(Duration secondRebootGap) {
        return new Latencies(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(1), true,
                secondRebootGap);
    }

    public Latencies withRebootDowntime(Duration d) {
        return new Latencies(powerShellStart, featureInstall, testCluster, newCluster, d, shutdownDelayCap, hyperVSecondReboot, secondRebootGap);
    }

    public Latencies withHyperVSecondReboot(boolean on) {
        return new Latencies(powerShellStart, featureInstall, testCluster, newCluster, rebootDowntime, shutdownDelayCap, on, secondRebootGap);
    }

    /** The wait before a restart requested with {@code shutdown.exe /t <requested>}. */
    public Duration shutdownDelay(Duration requested) {
        return requested.compareTo(shutdownDelayCap) > 0 ? shutdownDelayCap : requested;
    }
}
