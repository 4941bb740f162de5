package io.hvcluster.verify;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.steps.ValidateClusterStep;

/** Renders the read-only verify probe for a host (templates/verify/probe.ps1.vm). */
public final class VerifyProbe {

    public static final String ID = "verify";
    public static final String TEMPLATE = "verify/probe.ps1.vm";

    /** @param validationReportPrefix the name validate-cluster gives its Test-Cluster report (the file starts with it) */
    public record Params(String validationReportPrefix) {
    }

    private final ScriptRenderer renderer;
    private final String version;

    public VerifyProbe(ScriptRenderer renderer, String version) {
        this.renderer = renderer;
        this.version = version;
    }

    public static Params parameters(Inventory inventory, Host host) {
        return new Params(new ValidateClusterStep().parameters(inventory, host).reportName());
    }

    public String render(Inventory inventory, Host host) {
        Params p = parameters(inventory, host);
        return renderer.render(TEMPLATE, new ScriptHeader(ID, "probe", host.name(), inventory.source(), version, p), p);
    }
}
