package io.hvcluster.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the hosts reach the shared LUNs. Only iSCSI needs hvcluster to log on: Fibre Channel and SAS LUNs are
 * visible as soon as the array presents them (docs/windows-behaviour.md, "Shared storage").
 */
public enum StorageKind {
    ISCSI("iscsi"),
    FIBRE_CHANNEL("fibreChannel"),
    SAS("sas");

    private final String yamlName;

    StorageKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<StorageKind> fromYaml(String text) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equalsIgnoreCase(text.trim())).findFirst();
    }

    /** "iSCSI", "Fibre Channel", "SAS": for messages. */
    public String shown() {
        return switch (this) {
            case ISCSI -> "iSCSI";
            case FIBRE_CHANNEL -> "Fibre Channel";
            case SAS -> "SAS";
        };
    }

    @Override
    public String toString() {
        return yamlName.toLowerCase(Locale.ROOT);
    }
}
