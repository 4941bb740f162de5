package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.HostSettingsSpec;
import io.hvcluster.testing.InventoryYaml;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12 item 13: the hostSettings section; like capacity, it starts on line 37 of the fixture. */
class HostSettingsRulesTest {

    private static final String SETTINGS = """
            hostSettings:
              defenderExclusions: true
              virtualMachinePath: C:\\ClusterStorage\\Volume1\\VMs
              liveMigration:
                maximumMigrations: 4
                performanceOption: SMB
                authentication: Kerberos
              csvBlockCacheMB: 512
            """;

    private static LoadResult with(String from, String to) {
        return InventoryYaml.base().append(SETTINGS.replace(from, to)).load();
    }

    @Test
    void withoutTheSectionOnlyTheExclusionsAreOn() {
        LoadResult r = InventoryYaml.base().load();
        assertThat(r.inventory().orElseThrow().hostSettings()).isEqualTo(HostSettingsSpec.DEFAULTS);
        assertThat(HostSettingsSpec.DEFAULTS.defenderExclusions()).isTrue();
        assertThat(HostSettingsSpec.DEFAULTS.maximumMigrations()).isEmpty();
    }

    @Test
    void everyNamedSettingIsRead() {
        LoadResult r = InventoryYaml.base().append(SETTINGS).load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().hostSettings()).isEqualTo(new HostSettingsSpec(true,
                Optional.of("C:\\ClusterStorage\\Volume1\\VMs"), Optional.empty(), Optional.empty(), Optional.of(4), Optional.of("SMB"),
                Optional.of("Kerberos"), Optional.of(512L)));
    }

    @Test
    void theVmPathMustBeOnACsv() {
        LoadResult r = with("C:\\ClusterStorage\\Volume1\\VMs", "D:\\VMs");
        assertThat(r.problems()).containsExactly(error("hostSettings.virtualMachinePath", 39, 23,
                "must be a folder on a Cluster Shared Volume, like C:\\ClusterStorage\\Volume1\\VMs; got 'D:\\VMs'"));
    }

    @Test
    void unknownValuesAreErrorsAtTheirLine() {
        LoadResult r = with("performanceOption: SMB", "performanceOption: Fast");
        assertThat(r.problems()).containsExactly(error("hostSettings.liveMigration.performanceOption", 42, 24,
                "must be one of TCPIP, Compression, SMB; got 'Fast'"));
        assertThat(with("maximumMigrations: 4", "maximumMigrations: 0").problems()).containsExactly(
                error("hostSettings.liveMigration.maximumMigrations", 41, 24, "must be from 1 to 512 simultaneous live migrations"));
        assertThat(with("csvBlockCacheMB: 512", "csvBlockCacheMB: -1").problems()).containsExactly(
                error("hostSettings.csvBlockCacheMB", 44, 20, "must be a size in MB from 0 (no CSV cache) to 4294967295"));
    }

    @Test
    void anUnknownKeyIsNamed() {
        LoadResult r = with("csvBlockCacheMB: 512", "csvCache: 512");
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).path()).isEqualTo("hostSettings.csvCache");
    }
}
