package io.hvcluster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.run.FactsCollection;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.run.PipelineRunner;
import io.hvcluster.run.RunListener;
import io.hvcluster.run.RunOptions;
import io.hvcluster.run.ScriptRecorder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hvcluster facts INVENTORY}: what the read-only probe finds on every host, as JSON. */
@Command(name = "facts", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Prints what the read-only probe finds on every host, as JSON.",
            "Changes nothing. Exit 0 when every host answered, 1 otherwise. To start an inventory from the hosts themselves, use hvcluster init."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster facts my-cluster.yaml > facts.json",
            "  hvcluster facts inventories/lab-2node.yaml --simulate",
            "",
            "Environment:",
            "  HVCLUSTER_PASSWORD  the WinRM password, when the inventory says",
            "                      password: { env: HVCLUSTER_PASSWORD }"})
final class FactsCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;
    @Mixin
    InventoryArgument inventory;
    @Mixin
    TargetOptions targets;
    @Mixin
    TemplateOption templates;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        // One renderer (one Velocity engine) serves the probe and the runner.
        ScriptRenderer renderer = templates.renderer();
        String version = Versions.current();
        try (TargetOptions.Target target = targets.open(inv, spec.commandLine().getErr());
             PipelineRunner runner = new PipelineRunner(inv, new BundleRenderer(renderer, version), new FactsProbe(renderer, version),
                     target.executors(), RunOptions.defaults(target.secrets()), new RunListener() { }, ScriptRecorder.none(),
                     target.masker())) {
            FactsCollection facts = runner.collectFacts();
            Map<String, HostFacts> ordered = new LinkedHashMap<>();
            inv.hosts().forEach(h -> {
                if (facts.facts().containsKey(h.name())) {
                    ordered.put(h.name(), facts.facts().get(h.name()));
                }
            });
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ordered));
            facts.failures().forEach((h, why) -> spec.commandLine().getErr().println("error: " + h + ": " + why));
            // facts never takes the run lock; it says when an apply holds it (its changes may overtake these facts).
            io.hvcluster.run.RunLock.heldByOthers(inv.hosts(), facts.facts(), "").forEach((h, mark) -> spec.commandLine().getErr()
                    .println("note: " + h + " is " + io.hvcluster.run.RunLock.describe(mark, runner.time().now())));
            return facts.complete() ? ExitCode.OK.code() : ExitCode.STEP_FAILED.code();
        }
    }
}
