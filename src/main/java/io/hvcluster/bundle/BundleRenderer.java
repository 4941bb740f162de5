package io.hvcluster.bundle;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every script of a build, for every host, in the order a person runs them by hand: step by step;
 * per-host steps on every host; cluster steps once, on the first node; rolling steps host by host, each
 * host's phases together (install and restart, then the after-reboot check) before the next host.
 */
public final class BundleRenderer {

    private final ScriptRenderer renderer;
    private final String version;

    public BundleRenderer(ScriptRenderer renderer, String version) {
        this.renderer = renderer;
        this.version = version;
    }

    /** The run lock's scripts, rendered with the same templates and version. */
    public RunLockScripts runLockScripts() {
        return new RunLockScripts(renderer, version);
    }

    public List<RenderedScript> render(Inventory inventory, Pipeline pipeline) {
        List<RenderedScript> out = new ArrayList<>();
        for (Step<?> step : pipeline.steps()) {
            int position = pipeline.position(step.id());
            List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(inventory.firstNode()) : inventory.hosts();
            for (Host host : targets) {
                for (Phase phase : step.phases()) {
                    out.add(renderOne(inventory, step, position, phase, host));
                }
            }
        }
        return out;
    }

    public RenderedScript renderOne(Inventory inventory, Step<?> step, int position, Phase phase, Host host) {
        Record params = step.parameters(inventory, host);
        ScriptHeader header = new ScriptHeader(step.id(), phase.name(), host.name(), inventory.source(), version, params);
        String text = renderer.render(phase.template(), header, params);
        return new RenderedScript(host.name(), step, position, phase, fileName(step, position, phase), text);
    }

    static String fileName(Step<?> step, int position, Phase phase) {
        StringBuilder sb = new StringBuilder(String.format("%02d", position));
        if (phase.kind() != Phase.Kind.APPLY) {
            sb.append('b');
        }
        sb.append('-').append(step.id());
        if (phase.kind() != Phase.Kind.APPLY) {
            sb.append('-').append(phase.name());
        }
        if (step.scope() == Scope.CLUSTER) {
            sb.append(".cluster");
        }
        return sb.append(".ps1").toString();
    }
}
