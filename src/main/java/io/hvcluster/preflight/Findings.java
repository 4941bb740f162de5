package io.hvcluster.preflight;

import io.hvcluster.inventory.check.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects what the checks report, each finding tagged with the id of the check that made it. */
public final class Findings {

    private final List<Finding> findings = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private String check = "";

    void startCheck(String id) {
        this.check = id;
    }

    public void error(String host, String found, String expected, String fix) {
        findings.add(new Finding(Severity.ERROR, host, check, found, expected, fix));
    }

    public void warning(String host, String found, String expected, String fix) {
        findings.add(new Finding(Severity.WARNING, host, check, found, expected, fix));
    }

    public void skipped(String host, String why) {
        skipped.add(new Skipped(host, check, why));
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    List<Skipped> skipped() {
        return List.copyOf(skipped);
    }
}
