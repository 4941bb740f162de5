package io.hvcluster.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {

    @TempDir
    Path dir;

    @Test
    void aSavedPlanReadsBackAsTheSamePlan() throws Exception {
        Inventory inv = InventoryFixtures.fourNodes();
        Map<String, HostFacts> facts = FactsFixtures.fresh(inv);
        Plan plan = new Planner().plan(inv, facts, RebootStrategy.AUTO);
        Path inventory = Files.writeString(dir.resolve("inv.yaml"), "cluster: {}\n");
        Path file = dir.resolve("plan.json");

        PlanFile.of(inventory, plan, Instant.parse("2026-12-01T10:00:00Z")).write(file);
        PlanFile back = PlanFile.read(file);

        assertThat(back.plan()).isEqualTo(plan);
        assertThat(back.inventory()).isEqualTo(inventory.toString());
        assertThat(back.inventorySha256()).isEqualTo(PlanFile.sha256(inventory)).hasSize(64);
        assertThat(back.factsSha256()).hasSize(64);
        assertThat(back.createdAt()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(Files.list(dir)).allMatch(p -> !p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void somethingElseIsRefusedWithTheFileAndWhere() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.json"), "{\n  \"format\": \"hvcluster-plan/1\",\n  \"surprise\": 1\n}\n");
        assertThatThrownBy(() -> PlanFile.read(file)).isInstanceOf(PlanFile.InvalidPlanFileException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: not a plan file written by hvcluster plan --out .*")
                .hasMessageContaining("\"surprise\"");

        Path other = Files.writeString(dir.resolve("other.json"), "{\"format\":\"terraform\",\"inventory\":\"x\",\"inventorySha256\":\"y\","
                + "\"factsSha256\":\"z\",\"createdAt\":\"t\",\"plan\":null}");
        assertThatThrownBy(() -> PlanFile.read(other)).hasMessage(other + ": format 'terraform' is not hvcluster-plan/1; run hvcluster plan --out again");
    }
}
