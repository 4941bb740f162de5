package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.report.ConsoleReporter;
import io.hvcluster.report.StepTitles;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.time.VirtualTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Long waits show progress, throttled on the run's time: a build on virtual time with realistic latencies
 * (3-minute restarts, minutes of Test-Cluster, a 90-second feature install) reports each wait now and then, one
 * line per host, fed by the simulated bootstrap's heartbeats and the restart wait's polls.
 */
class ProgressTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aSixtyMinuteWaitMakesAFewDozenLinesNeverOneEveryHeartbeat() throws Exception {
        VirtualTime time = new VirtualTime(T0);
        List<RunEvents.Progress> seen = new ArrayList<>();
        ProgressTicker ticker = new ProgressTicker(time, new RunListener() {
            @Override
            public void progress(RunEvents.Progress e) {
                seen.add(e);
            }
        }, "HV01", "validate-cluster", "running", Duration.ofMinutes(60));
        for (int beat = 0; beat < 240; beat++) {   // a heartbeat every 15 s for 60 minutes
            time.advance(Duration.ofSeconds(15));
            ticker.tick();
        }
        List<String> texts = seen.stream().map(RunEvents.Progress::text).toList();
        assertThat(texts).hasSize(29).startsWith("running, 30s of 1h", "running, 1m of 1h", "running, 1m30s of 1h")
                .contains("running, 4m30s of 1h", "running, 5m of 1h", "running, 6m of 1h", "running, 14m of 1h", "running, 15m of 1h",
                        "running, 20m of 1h")
                .doesNotContain("running, 5m30s of 1h", "running, 16m of 1h")
                .endsWith("running, 1h of 1h");
        assertThat(seen).allSatisfy(p -> assertThat(p.at()).isEqualTo(T0.plus(p.elapsed())));
    }

    @Test
    void aShortWaitSaysNothingAndMissedTicksMakeOneLineNotABurst() throws Exception {
        VirtualTime time = new VirtualTime(T0);
        List<RunEvents.Progress> seen = new ArrayList<>();
        ProgressTicker ticker = new ProgressTicker(time, new RunListener() {
            @Override
            public void progress(RunEvents.Progress e) {
                seen.add(e);
            }
        }, "HV02", "enable-hyper-v", "restarting", Duration.ofMinutes(30));
        time.advance(Duration.ofSeconds(29));
        ticker.tick();
        assertThat(seen).isEmpty();
        time.advance(Duration.ofMinutes(4).plusSeconds(1).plusSeconds(10));   // a slow poll: 4m40s in all
        ticker.tick();
        ticker.tick();
        assertThat(seen).extracting(RunEvents.Progress::text).containsExactly("restarting, 4m40s of 30m");
        time.advance(Duration.ofSeconds(20));   // 5m00s: the next line is due
        ticker.tick();
        assertThat(seen).extracting(RunEvents.Progress::text).containsExactly("restarting, 4m40s of 30m", "restarting, 5m of 30m");
    }

    @Test
    void aBuildReportsItsRestartsFeatureInstallsAndTestClusterThrottledPerHost() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        StringWriter console = new StringWriter();
        ConsoleReporter reporter = new ConsoleReporter(new PrintWriter(console, true),
                new ConsoleReporter.Options(ConsoleReporter.Verbosity.NORMAL, false, false), StepTitles.of(StandardPipeline.create()));
        reporter.runStarted(new RunEvents.RunStarted("r", "inv.yaml", "c", sim.inventory.hosts().stream().map(h -> h.name()).toList(),
                "apply", T0));
        sim.apply();
        assertThat(sim.finished(StepStatus.FAILED)).isEmpty();
        List<RunEvents.Progress> progress = List.copyOf(sim.progress);
        assertThat(progress).as("every restart wait (3 minutes each, on every node)")
                .filteredOn(p -> p.activity().equals("restarting") && p.stepId().equals("enable-hyper-v"))
                .extracting(RunEvents.Progress::host).containsAll(sim.inventory.hosts().stream().map(h -> h.name()).toList());
        assertThat(progress).as("Test-Cluster, fed by the script's heartbeats")
                .anySatisfy(p -> {
                    assertThat(p.stepId()).isEqualTo("validate-cluster");
                    assertThat(p.activity()).isEqualTo("running");
                    assertThat(p.limit()).isEqualTo(Duration.ofMinutes(60));
                });
        assertThat(progress).as("the feature install").anySatisfy(p -> assertThat(p.stepId()).isEqualTo("install-failover-clustering"));
        assertThat(progress).allSatisfy(p -> assertThat(p.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(30)));
        // Throttled per host and wait: lines of one wait are at least 30 s of run time apart.
        Map<String, Instant> last = new LinkedHashMap<>();
        for (RunEvents.Progress p : progress) {
            String key = p.host() + " " + p.stepId() + " " + p.activity() + " " + p.at().minus(p.elapsed());
            Instant before = last.put(key, p.at());
            if (before != null) {
                assertThat(Duration.between(before, p.at())).as(key).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            }
        }
        // And the console shows them as one line per host, in the step's column.
        for (RunEvents.Progress p : progress) {
            reporter.progress(p);
        }
        assertThat(console.toString()).containsPattern("(?m)^HV0\\d  enable-hyper-v +restarting, \\d+(s|m\\d\\ds|m) of 30m$")
                .containsPattern("(?m)^HV01  validate-cluster +running, \\d+(s|m\\d\\ds|m) of 1h$");
    }

    @Test
    void quietShowsNoProgress() {
        StringWriter console = new StringWriter();
        ConsoleReporter reporter = new ConsoleReporter(new PrintWriter(console, true),
                new ConsoleReporter.Options(ConsoleReporter.Verbosity.QUIET, false, false), StepTitles.of(StandardPipeline.create()));
        reporter.progress(new RunEvents.Progress("HV01", "validate-cluster", "running", Duration.ofMinutes(3), Duration.ofHours(1), T0));
        assertThat(console.toString()).isEmpty();
    }
}
