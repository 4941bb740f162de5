package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.check.Severity;
import io.hvcluster.preflight.Finding;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.preflight.Skipped;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightPrinterTest {

    static String print(PreflightReport r) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        new PreflightPrinter().print(r, 2, w);
        w.flush();
        return s.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void groupsByHostOneLinePerFindingAndOneFixLine() {
        PreflightReport r = new PreflightReport(List.of(
                new Finding(Severity.ERROR, "HV02", "cpu-dep", "hardware DEP is not available", "DEP enabled", "enable NX"),
                new Finding(Severity.WARNING, "cluster", "cpu-consistency", "different models", "one model", "use compatibility mode")),
                List.of(new Skipped("HV01", "reachability", "network 'Cluster': not addressed yet")));
        assertThat(print(r)).isEqualTo("""
                Preflight: 1 error, 1 warning

                HV02
                  error   [cpu-dep] hardware DEP is not available; expected DEP enabled
                          fix: enable NX

                cluster
                  warning [cpu-consistency] different models; expected one model
                          fix: use compatibility mode

                skipped
                  HV01 [reachability] network 'Cluster': not addressed yet

                """);
    }

    @Test
    void aCleanReportIsOneLine() {
        assertThat(print(new PreflightReport(List.of(), List.of()))).isEqualTo("Preflight: every check passed on 2 hosts\n\n");
    }

    @Test
    void quietShowsTheProblemsWithTheirFixesAndNothingElse() {
        PreflightReport r = new PreflightReport(List.of(
                new Finding(Severity.WARNING, "cluster", "cpu-consistency", "different models", "one model", "use compatibility mode")),
                List.of(new Skipped("HV01", "reachability", "network 'Cluster': not addressed yet")));
        StringWriter s = new StringWriter();
        new PreflightPrinter().printProblems(r, new PrintWriter(s, true));
        assertThat(s.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
                Preflight: 0 errors, 1 warning

                cluster
                  warning [cpu-consistency] different models; expected one model
                          fix: use compatibility mode

                """);
        StringWriter clean = new StringWriter();
        new PreflightPrinter().printProblems(new PreflightReport(List.of(), r.skipped()), new PrintWriter(clean, true));
        assertThat(clean.toString()).isEmpty();
    }
}
