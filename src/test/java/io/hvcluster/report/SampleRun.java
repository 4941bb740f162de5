package io.hvcluster.report;

import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.run.NoticeKind;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.ScriptResults;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.run.RunListener;
import io.hvcluster.run.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small 2-host apply, by hand: changed, unchanged, failed, skipped, not converged, a restart with its
 * notices, System log errors and validate-cluster's data blob.
 */
final class SampleRun {

    static final Instant T0 = Instant.parse("2026-11-25T03:15:02Z");
    static final String VALIDATE_DATA =
            "{\"report\":\"C:\\\\Windows\\\\Cluster\\\\Reports\\\\hvcluster-validate-HVC01.htm\",\"flags\":[\"ClusterConditionallyApproved\"]}";

    private SampleRun() {
    }

    static StepTitles titles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rename-adapters", "Rename adapters by role");
        m.put("configure-addresses", "Configure static addresses");
        m.put("unbind-protocols", "Unbind protocols from storage NICs");
        m.put("validate-cluster", "Validate the configuration (Test-Cluster)");
        m.put("enable-hyper-v", "Enable Hyper-V");
        return new StepTitles(m, java.util.Set.of("enable-hyper-v"));
    }

    static Plan plan() {
        return new Plan(List.of(
                new StepPlan("rename-adapters", "HV01", List.of(new Change(Action.CHANGE, "HV01", "name of adapter [00-15-5D-01-02-03]", "Ethernet 2", "Cluster")), List.of()),
                new StepPlan("rename-adapters", "HV02", List.of(), List.of()),
                new StepPlan("configure-addresses", "HV01", List.of(new Change(Action.ADD, "HV01", "IPv4 address on 'Cluster'", "", "10.0.1.11/24")), List.of()),
                new StepPlan("configure-addresses", "HV02", List.of(new Change(Action.ADD, "HV02", "IPv4 address on 'Cluster'", "", "10.0.1.12/24")), List.of()),
                new StepPlan("unbind-protocols", "HV01", List.of(), List.of()),
                new StepPlan("unbind-protocols", "HV02", List.of(new Change(Action.CHANGE, "HV02", "binding ms_server on 'Storage'", "enabled", "disabled")), List.of()),
                new StepPlan("validate-cluster", "HV01", List.of(new Change(Action.RUN, "HV01", "Test-Cluster", "", "HV01, HV02")), List.of()),
                new StepPlan("enable-hyper-v", "HV01", List.of(new Change(Action.CHANGE, "HV01", "feature Hyper-V", "Available", "Installed")), List.of())),
                new RebootDecision(RebootStrategy.AUTO, RebootStrategy.PARALLEL, "a new build with no roles: every node restarts at once"));
    }

    static RunEvents.StepFinished finished(String step, String host, String phase, StepStatus status, int exit,
            List<String> changes, List<String> warnings, String error, long ms, String scriptFile, String data) {
        return new RunEvents.StepFinished(step, host, phase, status, exit, changes, warnings, error,
                Duration.ofMillis(ms), scriptFile, new ScriptResults(SecretMasker.none()).data(data));
    }

    /** Plays the run, one event after the other, to {@code l}. */
    static void play(RunListener l) {
        l.runStarted(new RunEvents.RunStarted("2026-11-25T031502Z", "lab.yaml", "HVC01", List.of("HV01", "HV02"), "apply", T0));
        l.planComputed(new RunEvents.PlanComputed(plan()));
        l.stepStarted(new RunEvents.StepStarted("rename-adapters", "HV01", "apply", T0.plusSeconds(5)));
        l.output(new RunEvents.OutputLine("HV01", "rename-adapters", false, "Renaming Ethernet 2"));
        l.stepFinished(finished("rename-adapters", "HV01", "apply", StepStatus.CHANGED, 0,
                List.of("renamed 'Ethernet 2' [00-15-5D-01-02-03] to 'Cluster'"), List.of(), "", 2300,
                "scripts/HV01/01-rename-adapters-apply.ps1", "{}"));
        l.stepStarted(new RunEvents.StepStarted("rename-adapters", "HV02", "apply", T0.plusSeconds(5)));
        l.stepFinished(finished("rename-adapters", "HV02", "apply", StepStatus.UNCHANGED, -1,
                List.of(), List.of(), "", 800, "", "{}"));
        l.stepStarted(new RunEvents.StepStarted("configure-addresses", "HV01", "apply", T0.plusSeconds(8)));
        l.stepFinished(finished("configure-addresses", "HV01", "apply", StepStatus.CHANGED, 0,
                List.of("set 10.0.1.11/24 on 'Cluster'"), List.of("DNS registration is off on 'Cluster'"), "", 3100,
                "scripts/HV01/02-configure-addresses-apply.ps1", "{}"));
        l.stepStarted(new RunEvents.StepStarted("configure-addresses", "HV02", "apply", T0.plusSeconds(8)));
        l.output(new RunEvents.OutputLine("HV02", "configure-addresses", true, "New-NetIPAddress : The object already exists."));
        l.stepFinished(finished("configure-addresses", "HV02", "apply", StepStatus.FAILED, 1,
                List.of(), List.of(), "address 10.0.1.12 is already in use on 'Storage'", 4000,
                "scripts/HV02/02-configure-addresses-apply.ps1", "{}"));
        l.stepFinished(finished("unbind-protocols", "HV02", "apply", StepStatus.SKIPPED, -1,
                List.of(), List.of(), "", 0, "", "{}"));
        l.stepStarted(new RunEvents.StepStarted("unbind-protocols", "HV01", "apply", T0.plusSeconds(12)));
        l.stepFinished(finished("unbind-protocols", "HV01", "apply", StepStatus.UNCHANGED, -1,
                List.of(), List.of(), "", 600, "", "{}"));
        l.stepStarted(new RunEvents.StepStarted("validate-cluster", "HV01", "apply", T0.plusSeconds(13)));
        l.stepFinished(finished("validate-cluster", "HV01", "apply", StepStatus.CHANGED, 0,
                List.of("ran Test-Cluster on HV01, HV02"), List.of("Test-Cluster: 2 warnings in Network"), "", 95_000,
                "scripts/HV01/05-validate-cluster-apply.ps1", VALIDATE_DATA));
        l.stepStarted(new RunEvents.StepStarted("enable-hyper-v", "HV01", "apply", T0.plusSeconds(110)));
        l.stepFinished(finished("enable-hyper-v", "HV01", "apply", StepStatus.CHANGED, 0,
                List.of("installed Hyper-V"), List.of(), "", 45_000,
                "scripts/HV01/08-enable-hyper-v-apply.ps1", "{\"restartNeeded\":true}"));
        l.hostNotice(new RunEvents.HostNotice("HV01", NoticeKind.REBOOT_REQUESTED, "restarting to enable Hyper-V…", T0.plusSeconds(156)));
        l.hostNotice(new RunEvents.HostNotice("HV01", NoticeKind.BACK_ONLINE,
                "back after 1m12s (boot 2026-11-25T03:17:40Z)", T0.plusSeconds(228)));
        l.hostNotice(new RunEvents.HostNotice("HV01", NoticeKind.LOG_ERRORS,
                "1 error in the System log since boot: Service Control Manager 7000", T0.plusSeconds(229)));
        l.stepStarted(new RunEvents.StepStarted("enable-hyper-v", "HV01", "after-reboot", T0.plusSeconds(230)));
        l.stepFinished(finished("enable-hyper-v", "HV01", "after-reboot", StepStatus.NOT_CONVERGED, 0,
                List.of(), List.of(), "Hyper-V still shows InstallPending", 9_000,
                "scripts/HV01/08-enable-hyper-v-after-reboot.ps1", "{}"));
        l.runFinished(new RunEvents.RunFinished(1, "3 changed, 2 unchanged, 2 failed, 1 skipped",
                Duration.ofSeconds(252), T0.plusSeconds(252)));
    }
}
