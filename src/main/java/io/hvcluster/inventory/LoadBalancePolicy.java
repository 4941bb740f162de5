package io.hvcluster.inventory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Microsoft DSM's global default load-balance policy, with the values Set-MSDSMGlobalDefaultLoadBalancePolicy
 * -Policy takes (RR round robin, FOO fail over only, LQD least queue depth, LB least blocks).
 */
public enum LoadBalancePolicy {
    RR, FOO, LQD, LB;

    /** The value -Policy takes and Get-MSDSMGlobalDefaultLoadBalancePolicy returns. */
    public String windowsName() {
        return name();
    }

    public static Optional<LoadBalancePolicy> fromYaml(String text) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
