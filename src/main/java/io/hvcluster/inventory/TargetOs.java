package io.hvcluster.inventory;

import java.util.Optional;

/** Windows Server versions the tool targets; the catalog version and build number identify each. */
public enum TargetOs {
    WINDOWS_SERVER_2016("windows-server-2016", "2016", 14393),
    WINDOWS_SERVER_2019("windows-server-2019", "2019", 17763),
    WINDOWS_SERVER_2022("windows-server-2022", "2022", 20348),
    WINDOWS_SERVER_2025("windows-server-2025", "2025", 26100);

    public static final TargetOs DEFAULT = WINDOWS_SERVER_2022;

    private final String yamlName;
    private final String year;
    private final int build;

    TargetOs(String yamlName, String year, int build) {
        this.yamlName = yamlName;
        this.year = year;
        this.build = build;
    }

    public String yamlName() {
        return yamlName;
    }

    /** "2022": the key used by the cmdlet catalog. */
    public String year() {
        return year;
    }

    /** CurrentBuildNumber of the release (14393, 17763, 20348, 26100). */
    public int build() {
        return build;
    }

    public boolean atLeast(TargetOs other) {
        return compareTo(other) >= 0;
    }

    public static Optional<TargetOs> fromYaml(String s) {
        for (TargetOs t : values()) {
            if (t.yamlName.equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static Optional<TargetOs> fromBuild(int build) {
        for (TargetOs t : values()) {
            if (t.build == build) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
