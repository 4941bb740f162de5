package io.hvcluster.cli;

import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.run.RunOptions;
import io.hvcluster.secrets.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of `plan` and `apply` that shape a run. */
public final class RunOptionsMixin {

    @Option(names = "--reboot-strategy", paramLabel = "<strategy>", defaultValue = "auto",
            description = "How enable-hyper-v restarts nodes: ${COMPLETION-CANDIDATES}. auto = parallel for a new, empty build, "
                    + "rolling (one host at a time, drained) once the cluster runs roles. Default: ${DEFAULT-VALUE}",
            converter = RebootStrategyConverter.class, completionCandidates = RebootStrategyConverter.Names.class)
    RebootStrategy rebootStrategy = RebootStrategy.AUTO;

    @Option(names = "--parallel", paramLabel = "<n>", defaultValue = "64",
            description = "Hosts worked on at once in per-host steps. Default: ${DEFAULT-VALUE}, a cluster's largest size, so a "
                    + "parallel restart takes every node down once, not in waves (docs/performance.md)")
    int parallel;

    @Option(names = "--continue-on-error", description = "Keep going on the other hosts after a host fails (cluster steps that need it are skipped).")
    boolean continueOnError;

    @Option(names = "--runs-dir", paramLabel = "<dir>", defaultValue = "runs",
            description = "Where each run's folder (journal, report, scripts, log) is created. Default: ${DEFAULT-VALUE}")
    Path runsDir;

    @Option(names = "--reboot-timeout", paramLabel = "<seconds>", defaultValue = "1800",
            description = "Longest wait for a restarting host to come back. Default: ${DEFAULT-VALUE}")
    long rebootTimeoutSeconds;

    @Option(names = "--step-timeout", paramLabel = "<seconds>", defaultValue = "3600",
            description = "Longest a step's script may run. Default: ${DEFAULT-VALUE}")
    long stepTimeoutSeconds;

    /** Refuses impossible values before anything starts (no host contacted, no simulator started). */
    void check() {
        if (parallel < 1) {
            throw new UserException(ExitCode.INVALID_INPUT, "--parallel must be at least 1");
        }
        requirePositive("--reboot-timeout", rebootTimeoutSeconds);
        requirePositive("--step-timeout", stepTimeoutSeconds);
    }

    RunOptions toOptions(Map<String, Secret> secrets, boolean simulated) {
        check();
        // Simulated hosts restart in seconds: ask often. Real ones take minutes: every 10 s is plenty.
        Duration poll = simulated ? Duration.ofMillis(500) : Duration.ofSeconds(10);
        return new RunOptions(parallel, continueOnError, rebootStrategy, Duration.ofSeconds(stepTimeoutSeconds),
                Duration.ofSeconds(rebootTimeoutSeconds), poll, secrets);
    }

    /** A new run folder under --runs-dir; a --runs-dir that cannot be written is the user's to fix (exit 2). */
    io.hvcluster.report.RunFolder runFolder() {
        return io.hvcluster.report.RunFolder.create(WritablePath.folder("--runs-dir", runsDir));
    }

    /** A zero timeout would fail every wait at once, a negative one is meaningless: both are mistakes. */
    static void requirePositive(String option, long seconds) {
        if (seconds <= 0) {
            throw new UserException(ExitCode.INVALID_INPUT, option + " " + seconds + ": must be at least 1 second");
        }
    }

    /** Accepts auto, rolling, parallel in any case. */
    public static final class RebootStrategyConverter implements picocli.CommandLine.ITypeConverter<RebootStrategy> {
        @Override
        public RebootStrategy convert(String value) {
            for (RebootStrategy s : RebootStrategy.values()) {
                if (s.cliName().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of auto, rolling, parallel");
        }

        /** The names --help lists. */
        public static final class Names extends java.util.ArrayList<String> {
            public Names() {
                super(java.util.List.of("auto", "rolling", "parallel"));
            }
        }
    }
}
