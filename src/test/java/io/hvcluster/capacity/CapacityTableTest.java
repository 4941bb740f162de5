package io.hvcluster.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.CapacitySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityTableTest {

    private final String table = CapacityTable.render(CapacityPlanner.plan(CapacitySpecs.guideExample(), 4));

    @Test
    void endsWithTheVerdictLine() {
        List<String> lines = table.lines().toList();

        assertThat(lines.get(lines.size() - 1)).isEqualTo(
                "DOES NOT FIT: RAM with 2 hosts down: need 1033.3 GB, have 752.0 GB (short 281.3 GB)");
    }

    @Test
    void aPlanThatFitsSaysFits() {
        String fits = CapacityTable.render(CapacityPlanner.plan(CapacitySpecs.guideExample(), 5));

        assertThat(fits.lines().reduce((a, b) -> b)).contains("FITS");
    }

    @Test
    void showsTheKeyFigures() {
        assertThat(table)
                .contains("Capacity plan: 4 hosts, failover reserve N+2, 2 usable with the reserve down")
                .contains("384.0 GB RAM - 8.0 GB parent reserve = 376.0 GB usable, 48 logical processors")
                .containsPattern("web +40 +8 +88 +2 +80\\.0 +323\\.4 +80 +3200\\.0 +0")
                .containsPattern("sql +6 +64 +536 +8 +500\\.0 +387\\.1 +48 +3000\\.0 +0")
                .containsPattern("total +56 +1033\\.3 +208 +7400\\.0")
                .containsPattern("usable RAM +1504\\.0 +752\\.0")
                .containsPattern("utilisation +68\\.7% +137\\.4%")
                .containsPattern("headroom +-281\\.3 +\\(-37\\.4%\\)")
                .containsPattern("vCPU : LP ratio +1\\.08 +2\\.17 +\\(limit 4\\.00, warning above 3\\.00\\)")
                .containsPattern("total to provision +11155\\.0")
                .containsPattern("free space \\(20\\.0% of total\\) +2231\\.0")
                .contains("fix: add 1 host (5 in total), or add 140.7 GB RAM per host");
    }

    @Test
    void theWorkedExampleInTheDocsIsWhatTheToolPrints() throws Exception {
        // Surefire runs in the project directory; the docs must not drift from the renderer.
        String docs = Files.readString(Path.of("docs", "capacity.md"));

        assertThat(docs).contains(table);
    }

    @Test
    void fitsInAHundredColumnTerminal() {
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(CapacityTable.WIDTH));
    }

    @Test
    void aLongVerdictWrapsUnderItsFirstLine() {
        // Two errors: a 64-vCPU VM on 32-LP hosts, and 400 vCPUs on 3 × 32 LPs (4.17 > 4).
        String twoErrors = CapacityTable.render(CapacityPlanner.plan(CapacitySpecs.hosts256(1,
                new CapacitySpec.VmGroup("big", 1, 8, 64, 50), new CapacitySpec.VmGroup("many", 84, 1, 4, 10)), 4));
        List<String> lines = twoErrors.lines().toList();
        int verdict = lines.indexOf(lines.stream().filter(l -> l.startsWith("DOES NOT FIT: ")).findFirst().orElseThrow());

        assertThat(lines.subList(verdict, lines.size())).hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(CapacityTable.WIDTH));
        assertThat(String.join(" ", lines.subList(verdict, lines.size())).replaceAll(" +", " "))
                .contains("group 'big': a VM has 64 vCPUs").contains("; vCPU : LP ratio with 1 host down is 4.17");
    }

    @Test
    void missingRatiosReadNotApplicable() {
        String noUsableHost = CapacityTable.render(CapacityPlanner.plan(CapacitySpecs.hosts256(2, CapacitySpecs.app(1)), 2));

        assertThat(noUsableHost).containsPattern("vCPU : LP ratio +0\\.06 +n/a");
    }

    @Test
    void zeroGroupsSayNone() {
        String empty = CapacityTable.render(
                CapacityPlanner.plan(new CapacitySpec(384, 48, 8, 2, 500, 20, 4, List.of()), 4));

        assertThat(empty).contains("VM groups: none").contains("no VMs to place: the plan fits trivially");
        assertThat(empty.lines().reduce((a, b) -> b)).contains("FITS");
    }
}
