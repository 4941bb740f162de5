package io.hvcluster.testing.pscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hvcluster.inventory.TargetOs;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves the checker itself: the real Node checker runs over the fixtures in src/test/resources/pscheck, once per
 * Windows Server version (one Node process per version for all fixtures), and each test looks at one fixture.
 */
class PsCheckTest {

    private static final Map<TargetOs, PsCheckReport> REPORTS = new EnumMap<>(TargetOs.class);
    private static Path fixtures;

    @BeforeAll
    static void checkAllFixturesOncePerVersion() throws URISyntaxException {
        fixtures = Path.of(PsCheckTest.class.getResource("/pscheck").toURI());
        PsCheck check = PsCheck.locate();
        for (TargetOs target : TargetOs.values()) {
            REPORTS.put(target, check.check(target, fixtures));
        }
    }

    private static List<PsProblem> problems(String fixture, TargetOs target) {
        assertThat(fixtures.resolve(fixture)).isRegularFile();
        return REPORTS.get(target).problemsIn(fixture);
    }

    @Test
    void everyFixtureIsReadInOneRun() throws Exception {
        long scripts;
        try (var files = Files.list(fixtures)) {
            scripts = files.filter(f -> f.toString().endsWith(".ps1")).count();
        }
        assertThat(REPORTS.get(TargetOs.WINDOWS_SERVER_2022).files()).isEqualTo(scripts).isGreaterThan(15);
    }

    @ParameterizedTest
    @EnumSource(TargetOs.class)
    void cleanScriptsPassForEveryVersion(TargetOs target) {
        for (String clean : List.of("clean.ps1", "unique-prefix.ps1", "parameter-alias.ps1", "steps-conventions.ps1",
                "steps-facts-probe.ps1", "steps-create-cluster.ps1")) {
            assertThat(problems(clean, target)).as(clean).isEmpty();
        }
    }

    @Test
    void syntaxErrorIsReportedOnItsLine() {
        List<PsProblem> found = problems("syntax-error.ps1", TargetOs.WINDOWS_SERVER_2022);
        assertThat(found).isNotEmpty().allSatisfy(p -> assertThat(p.kind()).isEqualTo("parse-error"));
        assertThat(found.get(0).line()).isEqualTo(4);
        assertThat(found.get(0).column()).isEqualTo(1);
    }

    @Test
    void unknownCmdletIsReported() {
        assertThat(problems("unknown-cmdlet.ps1", TargetOs.WINDOWS_SERVER_2022))
                .extracting(PsProblem::line, PsProblem::column, PsProblem::kind)
                .containsExactly(tuple(3, 1, "unknown-cmdlet"));
    }

    @Test
    void unknownParameterIsReportedAtItsColumn() {
        assertThat(problems("unknown-parameter.ps1", TargetOs.WINDOWS_SERVER_2022))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo("unknown-parameter");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(28);
                    assertThat(p.message()).contains("New-Cluster", "-Nodes");
                });
    }

    @Test
    void ambiguousPrefixIsAnErrorNamingEveryCandidate() {
        assertThat(problems("ambiguous-prefix.ps1", TargetOs.WINDOWS_SERVER_2022))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo("ambiguous-parameter");
                    assertThat(p.message()).contains("-InterfaceDescription", "-InterfaceIndex", "alias InterfaceAlias");
                });
    }

    @Test
    void whatIfIsRejectedWhereTheCmdletDoesNotDocumentIt() {
        assertThat(problems("whatif-new-cluster.ps1", TargetOs.WINDOWS_SERVER_2022))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo("unknown-parameter");
                    assertThat(p.message()).contains("-WhatIf", "ShouldProcess");
                });
    }

    @Test
    void managementPointNetworkTypeIsRejectedFor2016Only() {
        assertThat(problems("management-point.ps1", TargetOs.WINDOWS_SERVER_2016))
                .extracting(PsProblem::kind, PsProblem::line)
                .containsExactly(tuple("parameter-not-in-version", 2));
        assertThat(problems("management-point.ps1", TargetOs.WINDOWS_SERVER_2019)).isEmpty();
        assertThat(problems("management-point.ps1", TargetOs.WINDOWS_SERVER_2025)).isEmpty();
    }

    @Test
    void cmdletMissingFromAVersionIsReportedForThatVersion() {
        assertThat(problems("cmdlet-2025-only.ps1", TargetOs.WINDOWS_SERVER_2022))
                .extracting(PsProblem::kind).containsExactly("cmdlet-not-in-version");
        assertThat(problems("cmdlet-2025-only.ps1", TargetOs.WINDOWS_SERVER_2025)).isEmpty();
    }

    @Test
    void parametersWithDigitsAreCheckedByTheirRealNames() {
        // Lines 2, 4 and 6 hold -IPv4Address, -S2D and the unique prefix -IPv4: valid. Lines 3 and 5 are misspelled.
        assertThat(problems("digit-parameters.ps1", TargetOs.WINDOWS_SERVER_2016))
                .extracting(PsProblem::line, PsProblem::column, PsProblem::kind, PsProblem::message)
                .containsExactly(
                        tuple(3, 18, "unknown-parameter", "Get-TargetPortal has no parameter -IPv4Adress"),
                        tuple(5, 41, "unknown-parameter", "New-Cluster has no parameter -S3D"));
    }

    @Test
    void splattedKeysAreCheckedAsParameters() {
        assertThat(problems("splatting.ps1", TargetOs.WINDOWS_SERVER_2022))
                .extracting(PsProblem::line, PsProblem::kind)
                .containsExactly(
                        tuple(2, "unknown-parameter"), // Nodes = 'HV03' in the literal
                        tuple(3, "unknown-parameter"), // $cluster.StaticAdress = ...
                        tuple(8, "unresolved-splat")); // @notDefined has no hashtable in the script
        assertThat(problems("splatting.ps1", TargetOs.WINDOWS_SERVER_2022).get(0).message())
                .contains("-Nodes", "@cluster on line 5");
    }

    @Test
    void tryWithoutCatchIsReported() {
        assertThat(problems("try-without-catch.ps1", TargetOs.WINDOWS_SERVER_2022))
                .extracting(PsProblem::line, PsProblem::kind)
                .containsExactly(tuple(2, "try-without-catch"));
    }

    @Test
    void forbiddenCmdletsAndParametersAreReportedWithTheirReason() {
        // Format-Volume (Storage) on line 7 formats a disk, not output: it is allowed.
        assertThat(problems("forbidden.ps1", TargetOs.WINDOWS_SERVER_2022))
                .extracting(PsProblem::line, PsProblem::kind)
                .containsExactly(tuple(2, "forbidden"), tuple(3, "forbidden"), tuple(4, "forbidden"),
                        tuple(5, "forbidden"), tuple(6, "forbidden"));
        assertThat(problems("forbidden.ps1", TargetOs.WINDOWS_SERVER_2022))
                .extracting(PsProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("Format-Table:"))
                .anySatisfy(m -> assertThat(m).startsWith("Install-WindowsFeature -Restart:"));
    }

    @Test
    void functionsDefinedInTheScriptAndAllowedNativeProgramsAreAccepted() {
        assertThat(problems("script-function.ps1", TargetOs.WINDOWS_SERVER_2022))
                .extracting(PsProblem::line, PsProblem::kind, PsProblem::message)
                .containsExactly(tuple(7, "unknown-cmdlet",
                        "Get-HvNodeStatus is not a documented cmdlet, a function defined in this script, "
                                + "or an allowed native program"));
    }

    @Test
    void assertNoProblemsListsEveryProblem() {
        PsCheck check = PsCheck.locate();
        assertThatThrownBy(() -> check.assertNoProblems(TargetOs.WINDOWS_SERVER_2016,
                        List.of(fixtures.resolve("unknown-cmdlet.ps1"), fixtures.resolve("management-point.ps1"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 problem(s) in PowerShell for Windows Server 2016 (2 file(s) checked)")
                .hasMessageContaining("unknown-cmdlet.ps1:3:1: unknown-cmdlet: Get-ClusterNodez")
                .hasMessageContaining("management-point.ps1:2:49: parameter-not-in-version:");
    }

    @Test
    void missingNodeModulesFailWithTheInstallCommand(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("tools/pscheck"));
        Files.writeString(project.resolve("tools/pscheck/pscheck.mjs"), "");
        PsCheck check = new PsCheck(Path.of("node"), project);
        assertThatThrownBy(() -> check.check(TargetOs.WINDOWS_SERVER_2022, fixtures))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run `npm ci --prefix tools/pscheck`");
    }

    @Test
    void aMissingScriptIsAnErrorNotAPass() {
        PsCheck check = PsCheck.locate();
        assertThatThrownBy(() -> check.check(TargetOs.WINDOWS_SERVER_2022, fixtures.resolve("no-such-script.ps1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no such file or directory");
    }
}
