package io.hvcluster.estimate;

import java.time.Duration;
import java.util.List;

/**
 * How long things take on real hardware: the one place every duration hvcluster estimates or benchmarks comes
 * from (the simulator's {@code Latencies.realistic()}, the bench, and the estimate `plan` prints). Every figure
 * has its source in docs/performance.md; where only a range could be found, the typical value is the middle of it
 * and the doc says so.
 */
public record HardwareProfile(
        Figure shutdown, Figure post, Figure osBoot, Figure servicesReady,
        Figure featureConfiguration, boolean hyperVSecondRestart, Figure hyperVSecondRestartGap,
        Figure installFailoverClustering, Figure installHyperV, Figure installMultipathIo,
        Figure testClusterBase, Figure testClusterPerNode, Figure newClusterBase, Figure newClusterPerNode,
        Figure winRmRoundTrip, Figure authentication, Figure powerShellStart, Figure moduleImport,
        Figure factsProbe, Figure preflightProbe, Figure adapterScript, Figure addressScript, Figure clusterScript,
        Figure sharedVolumeScript, Figure virtualSwitchScript, Figure afterRestartScript, Figure drain) {

    /** A current two-socket rack server (Dell PowerEdge / HPE ProLiant class, 256 GB-1 TB of memory) on a 10 GbE LAN. */
    public static HardwareProfile rackServer() {
        return new HardwareProfile(
                Figure.minutes("shutdown", 0.5, 1, 3, "P1"),
                Figure.minutes("POST (power-on self-test)", 2, 4, 10, "P2"),
                Figure.minutes("Windows boot", 0.5, 1, 2, "P3"),
                Figure.minutes("services until WinRM answers", 0.5, 1, 3, "P4"),
                Figure.minutes("configuring Windows features at restart", 0.5, 1.5, 4, "P5"),
                true,
                Figure.seconds("running between Hyper-V's two restarts", 10, 30, 90, "P6"),
                Figure.minutes("Install-WindowsFeature Failover-Clustering", 0.75, 1.5, 4, "F1"),
                Figure.minutes("Install-WindowsFeature Hyper-V", 1, 2.5, 6, "F2"),
                Figure.minutes("Install-WindowsFeature Multipath-IO", 0.5, 1, 3, "F3"),
                Figure.minutes("Test-Cluster, fixed part", 2, 3, 6, "C1"),
                Figure.seconds("Test-Cluster, per node", 20, 40, 90, "C1"),
                Figure.minutes("New-Cluster, fixed part", 1, 1.5, 4, "C2"),
                Figure.seconds("New-Cluster, per node", 5, 10, 30, "C2"),
                Figure.seconds("WinRM HTTP round trip", 0.001, 0.003, 0.02, "W1"),
                Figure.seconds("authentication per script (Kerberos/Negotiate)", 0.01, 0.03, 0.2, "W2"),
                Figure.seconds("powershell.exe start", 0.8, 1.5, 5, "W3"),
                Figure.seconds("module imports (NetAdapter, FailoverClusters, Hyper-V)", 0.3, 1, 3, "W4"),
                Figure.seconds("facts probe work", 3, 6, 15, "S1"),
                Figure.seconds("preflight probe work (pings, AD/DNS)", 3, 8, 20, "S1"),
                Figure.seconds("adapter rename / binding script", 1, 3, 8, "S2"),
                Figure.seconds("addresses script (with duplicate address detection)", 3, 6, 15, "S2"),
                Figure.seconds("cluster settings script (quorum, networks)", 3, 8, 20, "S3"),
                Figure.seconds("shared volumes script (per volume)", 5, 15, 40, "S3"),
                Figure.seconds("virtual switch script (with the NIC's blip)", 5, 15, 40, "S4"),
                Figure.seconds("after-restart check (System log since boot)", 2, 5, 15, "S1"),
                Figure.seconds("drain an empty node", 2, 5, 30, "S3"));
    }

    /** Every figure, for docs/performance.md's table and the bench's header. */
    public List<Figure> figures() {
        return List.of(shutdown, post, osBoot, servicesReady, featureConfiguration, hyperVSecondRestartGap,
                installFailoverClustering, installHyperV, installMultipathIo, testClusterBase, testClusterPerNode,
                newClusterBase, newClusterPerNode, winRmRoundTrip, authentication, powerShellStart, moduleImport,
                factsProbe, preflightProbe, adapterScript, addressScript, clusterScript, sharedVolumeScript,
                virtualSwitchScript, afterRestartScript, drain);
    }

    /** A physical restart at its typical values: shutdown + POST + boot + services. */
    public Duration typicalRestart() {
        return shutdown.typical().plus(post.typical()).plus(osBoot.typical()).plus(servicesReady.typical());
    }
}
