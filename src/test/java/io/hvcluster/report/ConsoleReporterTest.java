package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.run.RunEvents;
import io.hvcluster.run.StepStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {

    private static List<String> run(ConsoleReporter.Verbosity verbosity, boolean color, boolean showPlan) {
        StringWriter sw = new StringWriter();
        SampleRun.play(new ConsoleReporter(new PrintWriter(sw), new ConsoleReporter.Options(verbosity, color, showPlan), SampleRun.titles()));
        return sw.toString().lines().toList();
    }

    @Test
    void normalModeShowsStartsFinishesNoticesAndTheEnd() {
        List<String> lines = run(ConsoleReporter.Verbosity.NORMAL, false, false);

        assertThat(lines).containsExactly(
                "hvcluster apply: cluster HVC01, 2 hosts (HV01, HV02), inventory lab.yaml, run 2026-11-25T031502Z",
                "HV01  rename-adapters      started",
                "HV01  rename-adapters      changed        2.3s",
                "HV02  rename-adapters      started",
                "HV02  rename-adapters      unchanged      0.8s",
                "HV01  configure-addresses  started",
                "HV01  configure-addresses  changed        3.1s",
                "        warning: DNS registration is off on 'Cluster'",
                "HV02  configure-addresses  started",
                "HV02  configure-addresses  failed         4.0s",
                "        error: address 10.0.1.12 is already in use on 'Storage'",
                "        script: scripts/HV02/02-configure-addresses-apply.ps1",
                "HV02  unbind-protocols     skipped",
                "HV01  unbind-protocols     started",
                "HV01  unbind-protocols     unchanged      0.6s",
                "HV01  validate-cluster     started",
                "HV01  validate-cluster     changed        1m35s",
                "        warning: Test-Cluster: 2 warnings in Network",
                "HV01  enable-hyper-v       started",
                "HV01  enable-hyper-v       changed        45.0s",
                "HV01  restarting to enable Hyper-V…",
                "HV01  restarting to enable Hyper-V… back after 1m12s (boot 2026-11-25T03:17:40Z)",
                "HV01  1 error in the System log since boot: Service Control Manager 7000",
                "HV01  enable-hyper-v/after-reboot  started",
                "HV01  enable-hyper-v/after-reboot  not converged  9.0s",
                "        error: Hyper-V still shows InstallPending",
                "        script: scripts/HV01/08-enable-hyper-v-after-reboot.ps1",
                "Done in 4m12s: 3 changed, 2 unchanged, 2 failed, 1 skipped (exit 1)");
    }

    @Test
    void thePlanIsPrintedWhenAskedFor() {
        List<String> lines = run(ConsoleReporter.Verbosity.NORMAL, false, true);

        assertThat(lines.subList(1, 5)).containsExactly(
                "1. Rename adapters by role (rename-adapters)",
                "   HV01  ~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster",
                "   HV02  in desired state",
                "");
        assertThat(lines).contains(
                "Reboot policy: parallel (requested: auto) - a new build with no roles: every node restarts at once",
                "Plan: 6 to change, 2 in desired state");
        assertThat(lines.get(lines.indexOf("Plan: 6 to change, 2 in desired state") + 2))
                .isEqualTo("HV01  rename-adapters      started");
    }

    @Test
    void quietModeShowsWarningsAndFailuresOnly() {
        List<String> lines = run(ConsoleReporter.Verbosity.QUIET, false, true);

        assertThat(lines).containsExactly(
                "HV01  configure-addresses  changed        3.1s",
                "        warning: DNS registration is off on 'Cluster'",
                "HV02  configure-addresses  failed         4.0s",
                "        error: address 10.0.1.12 is already in use on 'Storage'",
                "        script: scripts/HV02/02-configure-addresses-apply.ps1",
                "HV01  validate-cluster     changed        1m35s",
                "        warning: Test-Cluster: 2 warnings in Network",
                "HV01  1 error in the System log since boot: Service Control Manager 7000",
                "HV01  enable-hyper-v/after-reboot  not converged  9.0s",
                "        error: Hyper-V still shows InstallPending",
                "        script: scripts/HV01/08-enable-hyper-v-after-reboot.ps1",
                "Done in 4m12s: 3 changed, 2 unchanged, 2 failed, 1 skipped (exit 1)");
    }

    @Test
    void quietModeShowsOnlyTheSummaryOfASuccessfulRunWithTheRunsDuration() {
        StringWriter sw = new StringWriter();
        ConsoleReporter console = new ConsoleReporter(new PrintWriter(sw),
                new ConsoleReporter.Options(ConsoleReporter.Verbosity.QUIET, false, true), SampleRun.titles());
        console.runStarted(new RunEvents.RunStarted("r", "lab.yaml", "HVC01", List.of("HV01"), "apply", SampleRun.T0));
        console.stepFinished(SampleRun.finished("rename-adapters", "HV01", "apply", StepStatus.CHANGED, 0,
                List.of("renamed"), List.of(), "", 10, "", "{}"));
        // The event's own duration (the apply phase) is shorter: the summary counts from the run's start.
        console.runFinished(new RunEvents.RunFinished(0, "1 changed", Duration.ofSeconds(1), SampleRun.T0.plusSeconds(5)));

        assertThat(sw.toString().lines().toList()).containsExactly("Done in 5.0s: 1 changed (exit 0)");
    }

    @Test
    void verboseModeAddsOutputLinesAndChanges() {
        List<String> lines = run(ConsoleReporter.Verbosity.VERBOSE, false, false);

        assertThat(lines).containsSubsequence(
                "HV01  rename-adapters      started",
                "HV01  rename-adapters      > Renaming Ethernet 2",
                "HV01  rename-adapters      changed        2.3s",
                "        + renamed 'Ethernet 2' [00-15-5D-01-02-03] to 'Cluster'");
        assertThat(lines).contains("HV02  configure-addresses  2> New-NetIPAddress : The object already exists.");
        assertThat(run(ConsoleReporter.Verbosity.NORMAL, false, false)).noneMatch(l -> l.contains("Renaming Ethernet 2"));
    }

    @Test
    void coloursOnlyWhenAskedFor() {
        assertThat(String.join("\n", run(ConsoleReporter.Verbosity.NORMAL, false, true))).doesNotContain("\u001b[");
        assertThat(run(ConsoleReporter.Verbosity.NORMAL, true, false))
                .contains("HV02  configure-addresses  \u001b[1;31mfailed       \u001b[0m  4.0s")
                .contains("HV01  unbind-protocols     \u001b[32munchanged    \u001b[0m  0.6s")
                .contains("HV01  \u001b[31m1 error in the System log since boot: Service Control Manager 7000\u001b[0m");
    }

    @Test
    void linesFromEightThreadsNeverInterleave() throws Exception {
        StringWriter sw = new StringWriter();
        ConsoleReporter console = new ConsoleReporter(new PrintWriter(sw),
                new ConsoleReporter.Options(ConsoleReporter.Verbosity.VERBOSE, false, false), SampleRun.titles());
        List<String> hosts = List.of("HV01", "HV02", "HV03", "HV04", "HV05", "HV06", "HV07", "HV08");
        console.runStarted(new RunEvents.RunStarted("r", "lab.yaml", "HVC01", hosts, "apply", SampleRun.T0));
        int perThread = 300;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(hosts.size());
        for (String host : hosts) {
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    console.output(new RunEvents.OutputLine(host, "rename-adapters", false, "output " + i + " of " + host));
                    console.stepFinished(SampleRun.finished("rename-adapters", host, "apply", StepStatus.FAILED, 1,
                            List.of(), List.of("warn " + host + " " + i), "err " + host + " " + i, i, "", "{}"));
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> lines = sw.toString().lines().skip(1).toList();
        assertThat(lines).hasSize(hosts.size() * perThread * 4);
        // Each event's lines stay together (a finish is 3 lines) and each host's events keep their order.
        Pattern output = Pattern.compile("(HV0\\d)  rename-adapters      > output (\\d+) of (HV0\\d)");
        Pattern finished = Pattern.compile("(HV0\\d)  rename-adapters      failed +\\S+");
        Map<String, Integer> outputs = new HashMap<>();
        Map<String, Integer> finishes = new HashMap<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher o = output.matcher(lines.get(i));
            Matcher f = finished.matcher(lines.get(i));
            if (o.matches()) {
                assertThat(o.group(3)).isEqualTo(o.group(1));
                assertThat(Integer.parseInt(o.group(2))).isEqualTo(outputs.getOrDefault(o.group(1), 0));
                outputs.merge(o.group(1), 1, Integer::sum);
                i++;
            } else {
                assertThat(f.matches()).as("line %d: %s", i, lines.get(i)).isTrue();
                String host = f.group(1);
                int n = finishes.getOrDefault(host, 0);
                assertThat(lines.get(i + 1)).isEqualTo("        warning: warn " + host + " " + n);
                assertThat(lines.get(i + 2)).isEqualTo("        error: err " + host + " " + n);
                finishes.put(host, n + 1);
                i += 3;
            }
        }
        assertThat(outputs).hasSize(hosts.size()).allSatisfy((h, n) -> assertThat(n).isEqualTo(perThread));
        assertThat(finishes).hasSize(hosts.size()).allSatisfy((h, n) -> assertThat(n).isEqualTo(perThread));
    }
}
