package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problems;
import java.util.List;
import java.util.Locale;

/** Rules for the optional {@code hostSettings} section (docs/inventory.md). */
final class HostSettingsRules {

    /** Set-VMHost's documented values (VMMigrationPerformance, MigrationAuthenticationType). */
    static final List<String> PERFORMANCE_OPTIONS = List.of("TCPIP", "Compression", "SMB");
    static final List<String> AUTHENTICATION_TYPES = List.of("CredSSP", "Kerberos");

    private HostSettingsRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        HostSettingsDocument s = d.hostSettings();
        if (s == null) {
            return;
        }
        onClusterStorage(s.virtualMachinePath(), problems);
        onClusterStorage(s.virtualHardDiskPath(), problems);
        if (s.maximumMigrations() != null && (s.maximumMigrations().value() < 1 || s.maximumMigrations().value() > 512)) {
            problems.add(s.maximumMigrations().error("must be from 1 to 512 simultaneous live migrations"));
        }
        oneOf(s.performanceOption(), PERFORMANCE_OPTIONS, problems);
        oneOf(s.authentication(), AUTHENTICATION_TYPES, problems);
        if (s.csvBlockCacheMb() != null && (s.csvBlockCacheMb().value() < 0 || s.csvBlockCacheMb().value() > 0xFFFFFFFFL)) {
            problems.add(s.csvBlockCacheMb().error("must be a size in MB from 0 (no CSV cache) to 4294967295"));
        }
    }

    /** Default VM and VHD paths belong on a CSV: every node then finds the VMs it may own. */
    private static void onClusterStorage(Located<String> path, Problems problems) {
        if (path == null) {
            return;
        }
        String p = path.value();
        if (!p.toLowerCase(Locale.ROOT).startsWith("c:\\clusterstorage\\") || p.length() <= "C:\\ClusterStorage\\".length()
                || p.contains("..") || p.contains("/")) {
            problems.add(path.error("must be a folder on a Cluster Shared Volume, like C:\\ClusterStorage\\Volume1\\VMs; got '" + p + "'"));
        }
    }

    private static void oneOf(Located<String> value, List<String> allowed, Problems problems) {
        if (value != null && allowed.stream().noneMatch(a -> a.equals(value.value()))) {
            problems.add(value.error("must be one of " + String.join(", ", allowed) + "; got '" + value.value() + "'"));
        }
    }
}
