package io.hvcluster.inventory;

import java.util.Optional;

/** WinRM authentication. OverThere offers Basic for local accounts and Kerberos for domain accounts. */
public enum AuthMethod {
    BASIC("basic"),
    KERBEROS("kerberos");

    private final String yamlName;

    AuthMethod(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<AuthMethod> fromYaml(String s) {
        for (AuthMethod a : values()) {
            if (a.yamlName.equals(s)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
