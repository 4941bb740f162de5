package io.hvcluster.windows;

/**
 * {@code Set-MSDSMGlobalDefaultLoadBalancePolicy -Policy <policy>}.
 *
 * @param policy None, FOO, RR, LQD or LB
 */
public record SetMSDSMGlobalDefaultLoadBalancePolicy(String policy) implements WindowsOp {
}
