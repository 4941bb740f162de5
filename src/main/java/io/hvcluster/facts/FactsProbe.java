package io.hvcluster.facts;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.facts.SessionGuard;
import java.util.List;

/** Renders the read-only facts probe for a host. */
public final class FactsProbe {

    public static final String ID = "facts";
    public static final String TEMPLATE = "facts/probe.ps1.vm";
    /** The Windows features the plan and the preflight look at. */
    public static final List<String> FEATURES = WindowsFeature.windowsNames();

    /** @param features features to report; @param winrmPorts and @param connectAddress find the session's NIC */
    public record Params(List<String> features, List<Integer> winrmPorts, String connectAddress) {
    }

    private final ScriptRenderer renderer;
    private final String version;

    public FactsProbe(ScriptRenderer renderer, String version) {
        this.renderer = renderer;
        this.version = version;
    }

    /** The preflight probe, rendered with the same templates and version. */
    public PreflightProbe preflightProbe() {
        return new PreflightProbe(renderer, version);
    }

    public static Params parameters(Inventory inventory, Host host) {
        SessionGuard session = SessionGuard.of(inventory, host);
        return new Params(FEATURES, session.winrmPorts(), session.connectAddress());
    }

    public String render(Inventory inventory, Host host) {
        Params p = parameters(inventory, host);
        return renderer.render(TEMPLATE, new ScriptHeader(ID, "probe", host.name(), inventory.source(), version, p), p);
    }

    /** The probe for a host no inventory describes yet (hvcluster init): {@code source} names what asked for it. */
    public String render(String hostName, String source, Params p) {
        return renderer.render(TEMPLATE, new ScriptHeader(ID, "probe", hostName, source, version, p), p);
    }
}
