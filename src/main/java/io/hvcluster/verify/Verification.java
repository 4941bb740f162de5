package io.hvcluster.verify;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.check.Severity;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.Planner;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.preflight.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only half of {@code hvcluster verify}: given every host's facts, runs the verify probe on each node, plans
 * against the facts (what a step would still change is drift) and judges it all with {@link ClusterChecks}.
 */
public final class Verification {

    static final Duration PROBE_TIMEOUT = Duration.ofMinutes(5);

    private final Inventory inventory;
    private final VerifyProbe probe;
    private final HostScripts scripts;
    private final String command;

    /** @param command how the admin re-runs the build, for fix texts */
    public Verification(Inventory inventory, VerifyProbe probe, HostScripts scripts, String command) {
        this.inventory = inventory;
        this.probe = probe;
        this.scripts = scripts;
        this.command = command;
    }

    public VerifyReport verify(Map<String, HostFacts> facts) {
        List<Finding> probeFailures = new ArrayList<>();
        Map<String, VerifyFacts> answers = new LinkedHashMap<>();
        for (Host h : inventory.hosts()) {
            try {
                ScriptResult r = scripts.run(h, new Script(h.name(), VerifyProbe.ID, "probe", "00-verify.ps1", probe.render(inventory, h)), PROBE_TIMEOUT);
                VerifyFacts v = VerifyFacts.parse(h.name(), r.structured().orElseThrow(() -> new IllegalArgumentException(
                        h.name() + ": the verify probe printed no JSON (exit code " + r.exitCode() + ")")));
                answers.put(h.name(), v);
                v.errors().forEach(e -> probeFailures.add(new Finding(Severity.ERROR, h.name(), "probe", "cannot read " + e.section() + ": " + e.message(),
                        "a readable " + e.section(), "run the verify probe by hand on " + h.name() + " (hvcluster render writes it) and read its error")));
            } catch (ExecutionException | IllegalArgumentException e) {
                probeFailures.add(new Finding(Severity.ERROR, h.name(), "probe", e.getMessage(), "an answer from the verify probe",
                        "check that " + h.name() + " answers WinRM (hvcluster facts)"));
            }
        }
        Plan plan = new Planner().plan(inventory, facts, RebootStrategy.AUTO);
        List<Finding> findings = new ArrayList<>(probeFailures);
        findings.addAll(new ClusterChecks(inventory, command).check(facts, answers, plan));
        // Host by host in inventory order (a stable sort keeps each host's findings in check order), as preflight reads.
        List<String> order = inventory.hosts().stream().map(Host::name).toList();
        findings.sort(java.util.Comparator.comparingInt(f -> order.indexOf(f.host()) < 0 ? order.size() : order.indexOf(f.host())));
        return new VerifyReport(findings, false, List.of(), "");
    }
}
