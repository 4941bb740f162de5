package io.hvcluster.inventory.load;

import java.util.List;

/** Reads the optional {@code hostSettings:} section. */
final class HostSettingsSectionReader {

    private static final List<String> KEYS = List.of("defenderExclusions", "virtualMachinePath", "virtualHardDiskPath",
            "liveMigration", "csvBlockCacheMB");
    private static final List<String> MIGRATION_KEYS = List.of("enabled", "maximumMigrations", "performanceOption", "authentication");

    HostSettingsDocument read(MappingReader m) {
        m.allowOnly(KEYS);
        Located<Boolean> enabled = null;
        Located<Long> maximum = null;
        Located<String> performance = null;
        Located<String> authentication = null;
        MappingReader lm = m.map("liveMigration").orElse(null);
        if (lm != null) {
            lm.allowOnly(MIGRATION_KEYS);
            enabled = lm.bool("enabled");
            maximum = lm.whole("maximumMigrations");
            performance = lm.text("performanceOption");
            authentication = lm.text("authentication");
        }
        return new HostSettingsDocument(m.at(), m.bool("defenderExclusions"), m.text("virtualMachinePath"),
                m.text("virtualHardDiskPath"), enabled, maximum, performance, authentication, m.whole("csvBlockCacheMB"));
    }
}
