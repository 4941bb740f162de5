package io.hvcluster.inventory;

import java.util.Arrays;
import java.util.Optional;

/** Whether Multipath-IO is installed and claims iSCSI: {@code auto} does it when a host has two or more paths. */
public enum MpioMode {
    AUTO("auto"),
    ON("true"),
    OFF("false");

    private final String yamlName;

    MpioMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<MpioMode> fromYaml(String text) {
        return Arrays.stream(values()).filter(m -> m.yamlName.equalsIgnoreCase(text.trim())).findFirst();
    }
}
