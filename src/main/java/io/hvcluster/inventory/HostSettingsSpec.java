package io.hvcluster.inventory;

import java.util.Optional;

/**
 * The inventory's {@code hostSettings}: what the host-settings step sets on every host (docs/inventory.md). Only
 * the Defender exclusions are on by default (Microsoft's list for Hyper-V hosts and clusters); every other
 * setting is left as Windows has it unless the inventory names it.
 *
 * @param defenderExclusions  add Microsoft's Hyper-V and cluster exclusions to Microsoft Defender
 * @param virtualMachinePath  Set-VMHost -VirtualMachinePath (on a CSV), if given
 * @param virtualHardDiskPath Set-VMHost -VirtualHardDiskPath (on a CSV), if given
 * @param migrationEnabled    Enable-VMMigration (true) or Disable-VMMigration (false), if given
 * @param maximumMigrations   Set-VMHost -MaximumVirtualMachineMigrations, if given
 * @param performanceOption   Set-VMHost -VirtualMachineMigrationPerformanceOption (TCPIP, Compression, SMB), if given
 * @param authentication      Set-VMHost -VirtualMachineMigrationAuthenticationType (CredSSP, Kerberos), if given
 * @param csvBlockCacheMb     (Get-Cluster).BlockCacheSize in MB, if given
 */
public record HostSettingsSpec(boolean defenderExclusions, Optional<String> virtualMachinePath, Optional<String> virtualHardDiskPath,
        Optional<Boolean> migrationEnabled, Optional<Integer> maximumMigrations, Optional<String> performanceOption,
        Optional<String> authentication, Optional<Long> csvBlockCacheMb) {

    /** An inventory without a {@code hostSettings} section. */
    public static final HostSettingsSpec DEFAULTS = new HostSettingsSpec(true, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
