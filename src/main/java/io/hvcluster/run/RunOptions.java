package io.hvcluster.run;

import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.secrets.Secret;
import java.time.Duration;
import java.util.Map;

/**
 * How a run behaves.
 *
 * @param parallelism     hosts worked on at once in per-host steps
 * @param continueOnError keep going on the other hosts after a host fails
 * @param rebootStrategy  how enable-hyper-v restarts nodes
 * @param stepTimeout     longest a step script may run
 * @param rebootTimeout   longest a host may take to come back after a restart
 * @param pollInterval    how often to ask a restarting host whether it is back
 * @param secrets         values scripts read from $HvcSecrets (the domain password for the second hop)
 */
public record RunOptions(int parallelism, boolean continueOnError, RebootStrategy rebootStrategy, Duration stepTimeout,
        Duration rebootTimeout, Duration pollInterval, Map<String, Secret> secrets) {

    public RunOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        secrets = Map.copyOf(secrets);
    }

    /**
     * Every node of the largest failover cluster (64 nodes) at once: with fewer, a parallel restart of a new build goes
     * in waves and the 16-node bench build took 1.5x its critical path with 10 (docs/performance.md).
     */
    public static final int DEFAULT_PARALLELISM = 64;

    public static RunOptions defaults(Map<String, Secret> secrets) {
        return new RunOptions(DEFAULT_PARALLELISM, false, RebootStrategy.AUTO, Duration.ofMinutes(60), Duration.ofMinutes(30),
                Duration.ofSeconds(10), secrets);
    }

    public RunOptions withPollInterval(Duration d) {
        return new RunOptions(parallelism, continueOnError, rebootStrategy, stepTimeout, rebootTimeout, d, secrets);
    }

    public RunOptions withRebootTimeout(Duration d) {
        return new RunOptions(parallelism, continueOnError, rebootStrategy, stepTimeout, d, pollInterval, secrets);
    }
}
