package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.inventory.Host;

/** A probe section that failed leaves the checks that need it blind: say which, and why. */
final class ProbeSectionsCheck implements PreflightCheck {

    @Override
    public String id() {
        return "probe-sections";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.probeFailures().forEach((host, why) -> out.warning(host, "the preflight probe did not run: " + why,
                "the preflight probe's answers (pings; on the first node AD and DNS)",
                "the checks that need them were skipped; fix the cause, or run with --skip-preflight if you checked them by hand"));
        for (Host h : in.hosts()) {
            for (HostFacts.SectionError e : in.facts(h).map(HostFacts::errors).orElse(java.util.List.of())) {
                out.warning(h.name(), "the facts probe could not read '" + e.section() + "': " + e.message(),
                        "every section readable", "the checks that need '" + e.section() + "' were skipped on " + h.name()
                                + "; fix the cause and run the preflight again");
            }
            for (HostFacts.SectionError e : in.probe(h).map(PreflightFacts::errors).orElse(java.util.List.of())) {
                out.warning(h.name(), "the preflight probe could not read '" + e.section() + "': " + e.message(),
                        "every section readable", "the checks that need '" + e.section() + "' were skipped on " + h.name()
                                + "; fix the cause and run the preflight again");
            }
        }
    }
}
