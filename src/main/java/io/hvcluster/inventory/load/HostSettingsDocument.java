package io.hvcluster.inventory.load;

/** The {@code hostSettings:} section as read; every field nullable (absent or unreadable) and positioned. */
record HostSettingsDocument(Anchor at, Located<Boolean> defenderExclusions, Located<String> virtualMachinePath,
        Located<String> virtualHardDiskPath, Located<Boolean> migrationEnabled, Located<Long> maximumMigrations,
        Located<String> performanceOption, Located<String> authentication, Located<Long> csvBlockCacheMb) {
}
