package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

class DiskRulesTest {

    @Test
    void witnessWithOnlyALabelCannotBeFound() {
        LoadResult r = InventoryYaml.base().replace("serial: WITNESS-01, ", "").load();
        assertThat(r.problems()).containsExactly(error("cluster.witness", 6, 3,
                "needs serial or uniqueId: a label alone cannot identify the disk on a node that does not own it"));
    }

    @Test
    void witnessByUniqueIdIsEnough() {
        LoadResult r = InventoryYaml.base().replace("serial: WITNESS-01", "uniqueId: 6005076802810C3A4800000000000021")
                .load();
        assertThat(r.problems()).isEmpty();
        DiskSpec w = r.inventory().orElseThrow().cluster().witness().orElseThrow();
        assertThat(w.uniqueId()).contains("6005076802810C3A4800000000000021");
        assertThat(w.serial()).isEmpty();
    }

    @Test
    void sharedVolumeNeedsSerialOrUniqueId() {
        LoadResult r = InventoryYaml.base().replace("serial: CSV-01, ", "").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[0]", 8, 7,
                "needs serial or uniqueId: a label alone cannot identify the disk on a node that does not own it"));
    }

    @Test
    void fileSystemIsNtfsByDefaultReFSWhenAskedAndNothingElse() {
        LoadResult plain = InventoryYaml.base().load();
        assertThat(plain.inventory().orElseThrow().cluster().sharedVolumes().get(0).fileSystem())
                .isEqualTo(io.hvcluster.inventory.VolumeFileSystem.NTFS);
        LoadResult refs = InventoryYaml.base().replace("serial: CSV-01,", "serial: CSV-01, fileSystem: ReFS,").load();
        assertThat(refs.problems()).isEmpty();
        assertThat(refs.inventory().orElseThrow().cluster().sharedVolumes().get(0).fileSystem())
                .isEqualTo(io.hvcluster.inventory.VolumeFileSystem.REFS);
        LoadResult fat = InventoryYaml.base().replace("serial: CSV-01,", "serial: CSV-01, fileSystem: FAT32,").load();
        assertThat(fat.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cluster.sharedVolumes[0].fileSystem");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).isEqualTo("'FAT32' is not a valid file system; expected one of: NTFS, ReFS");
        });
    }

    @Test
    void diskNumberIsRefusedWithTheReason() {
        LoadResult r = InventoryYaml.base().replace("serial: CSV-01,", "serial: CSV-01, number: 2,").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[0].number", 8, 38, "disks are identified by "
                + "serial or uniqueId, never by disk number: numbers change between reboots and differ between nodes"));
    }

    @Test
    void labelsAreUnique() {
        LoadResult r = InventoryYaml.base().replace("    - { label: CSV1, serial: CSV-01, sizeGB: 2048 }",
                "    - { label: CSV1, serial: CSV-01, sizeGB: 2048 }\n    - { label: csv1, serial: CSV-02 }").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[1].label", 9, 16,
                "label 'csv1' is already used by cluster.sharedVolumes[0]; every disk has its own"));
    }

    @Test
    void serialsAreUnique() {
        LoadResult r = InventoryYaml.base().replace("    - { label: CSV1, serial: CSV-01, sizeGB: 2048 }",
                "    - { label: CSV1, serial: CSV-01, sizeGB: 2048 }\n    - { label: CSV2, serial: CSV-01 }").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[1].serial", 9, 30,
                "serial 'CSV-01' is already used by cluster.sharedVolumes[0]; every disk has its own"));
    }

    @Test
    void witnessCannotAlsoBeASharedVolumeBySerial() {
        LoadResult r = InventoryYaml.base().replace("serial: CSV-01", "serial: WITNESS-01").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[0].serial", 8, 30,
                "serial 'WITNESS-01' is the witness disk's; the witness disk cannot also be a shared volume"));
    }

    @Test
    void witnessCannotAlsoBeASharedVolumeByLabel() {
        LoadResult r = InventoryYaml.base().replace("label: CSV1", "label: Witness").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[0].label", 8, 16,
                "label 'Witness' is the witness disk's; the witness disk cannot also be a shared volume"));
    }

    @Test
    void labelLongerThan32CharactersIsRefused() {
        LoadResult r = InventoryYaml.base().replace("label: CSV1", "label: CSV-FOR-THE-SQL-SERVER-DATABASES-01").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[0].label", 8, 16,
                "'CSV-FOR-THE-SQL-SERVER-DATABASES-01' has 35 characters; a volume label has at most 32"));
    }

    @Test
    void blankSerialIsOneError() {
        LoadResult r = InventoryYaml.base().replace("serial: CSV-01", "serial: \" \"").load();
        assertThat(r.problems()).containsExactly(error("cluster.sharedVolumes[0].serial", 8, 30, "must not be empty"));
    }

    @Test
    void serialIsStoredTrimmed() {
        LoadResult r = InventoryYaml.base().replace("serial: CSV-01", "serial: \"  CSV-01  \"").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().cluster().sharedVolumes().get(0).serial()).contains("CSV-01");
    }

    @Test
    void sizeMustBePositive() {
        LoadResult r = InventoryYaml.base().replace("sizeGB: 2048", "sizeGB: 0").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.sharedVolumes[0].sizeGB", 8, 46, "must be between 1 and 1048576"));
    }

    @Test
    void sizeInGbOnTheWitnessGetsAHint() {
        LoadResult r = InventoryYaml.base().replace("sizeMB: 1024", "sizeGB: 1").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.witness.sizeGB", 6, 50, "unknown key 'sizeGB'; did you mean 'sizeMB'?"));
    }

    @Test
    void unreadableSerialIsOneError() {
        LoadResult r = InventoryYaml.base().replace("serial: CSV-01", "serial: [CSV-01]").load();
        assertThat(r.problems()).containsExactly(
                error("cluster.sharedVolumes[0].serial", 8, 30, "expected a text value, found a list"));
    }
}
