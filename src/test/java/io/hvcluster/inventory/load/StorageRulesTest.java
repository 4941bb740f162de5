package io.hvcluster.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.LoadBalancePolicy;
import io.hvcluster.inventory.MpioMode;
import io.hvcluster.inventory.StorageKind;
import io.hvcluster.inventory.StorageSpec;
import io.hvcluster.inventory.check.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage section of the 4-node example, changed one thing at a time: each rule's one problem, where it was written. */
class StorageRulesTest {

    private static String example() throws IOException {
        return Files.readString(Path.of("inventories/lab-4node.yaml"));
    }

    private static LoadResult load(String text) {
        return InventoryLoader.load(text, "lab-4node.yaml");
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text.indexOf(from)).as("'%s' occurs once", from).isNotNegative().isEqualTo(text.lastIndexOf(from));
        return text.replace(from, to);
    }

    /** 1-based line and column of the first occurrence of {@code needle}. */
    private static int[] at(String text, String needle) {
        int i = text.indexOf(needle);
        assertThat(i).as(needle).isNotNegative();
        String before = text.substring(0, i);
        return new int[] {(int) before.chars().filter(c -> c == '\n').count() + 1, i - before.lastIndexOf('\n')};
    }

    private static List<Problem> errors(LoadResult r) {
        return r.problems().stream().filter(Problem::isError).toList();
    }

    @Test
    void theIscsiExampleReadsWithTwoPathsAndMpioOnEveryHost() throws IOException {
        LoadResult r = load(example());
        assertThat(r.problems()).isEmpty();
        Inventory inv = r.inventory().orElseThrow();
        StorageSpec s = inv.storage().orElseThrow();
        assertThat(s.kind()).isEqualTo(StorageKind.ISCSI);
        assertThat(s.mpio()).isEqualTo(MpioMode.AUTO);
        assertThat(s.loadBalancePolicy()).isEqualTo(LoadBalancePolicy.RR);
        assertThat(s.targets()).singleElement().satisfies(t -> assertThat(t.iqn()).contains("iqn.1992-08.com.example:san01.hvcl03"));
        inv.hosts().forEach(h -> {
            assertThat(StorageSpec.paths(inv, h, s.targets().get(0))).extracting(StorageSpec.IscsiPath::network)
                    .containsExactly("iSCSI 1", "iSCSI 2");
            assertThat(s.mpioOn(inv, h)).as(h.name()).isTrue();
        });
    }

    @Test
    void aPortalNoIscsiNetworkReachesIsRefusedWhereItIsWritten() throws IOException {
        String text = replaceOnce(example(), "[10.20.1.100, 10.20.2.100]", "[10.20.1.100, 10.30.2.100]");
        int[] pos = at(text, "10.30.2.100");
        assertThat(errors(load(text))).containsExactly(Problem.error("storage.targets[0].portals[1]", pos[0], pos[1],
                "portal 10.30.2.100 is not reachable from any iSCSI network: no network with purpose iscsi has a subnet that holds it "
                        + "(iSCSI subnets: 10.20.1.0/24, 10.20.2.0/24); iSCSI traffic is never routed"));
    }

    @Test
    void mpioOnWithOneIscsiNicPerHostIsNoRedundancy() throws IOException {
        // Both portals in the first iSCSI subnet: two paths per host, both over the NIC 'iSCSI 1'.
        String text = replaceOnce(replaceOnce(example(), "[10.20.1.100, 10.20.2.100]", "[10.20.1.100, 10.20.1.101]"),
                "  mpio: auto ", "  mpio: true ");
        int[] pos = at(text, "true                     # on:");
        List<Problem> errors = errors(load(text));
        assertThat(errors).hasSize(4).allSatisfy(p -> {
            assertThat(p.path()).isEqualTo("storage.mpio");
            assertThat(p.line()).isEqualTo(pos[0]);
            assertThat(p.column()).isEqualTo(pos[1]);
        });
        assertThat(errors.get(0).message()).isEqualTo("mpio: true, but HV01 reaches storage.targets[0] through one iSCSI NIC ("
                + "'iSCSI 1' → 10.20.1.100, 'iSCSI 1' → 10.20.1.101): one iSCSI NIC for 2 paths is no redundancy; give the host a "
                + "second iSCSI NIC on the other portal's subnet");
    }

    @Test
    void underAutoOneNicForTwoPathsIsAWarning() throws IOException {
        String text = replaceOnce(example(), "[10.20.1.100, 10.20.2.100]", "[10.20.1.100, 10.20.1.101]");
        LoadResult r = load(text);
        assertThat(errors(r)).isEmpty();
        assertThat(r.problems()).hasSize(4).allSatisfy(p -> assertThat(p.message())
                .contains("through one iSCSI NIC only ('iSCSI 1'): its 2 paths share it, a single point of failure"));
    }

    @Test
    void mpioOffWithTwoPathsWouldShowEachLunTwice() throws IOException {
        String text = replaceOnce(example(), "  mpio: auto ", "  mpio: false");
        assertThat(errors(load(text))).hasSize(4).first().satisfies(p -> assertThat(p.message()).isEqualTo(
                "mpio: false, but HV01 has 2 paths to storage.targets[0] ('iSCSI 1' → 10.20.1.100, 'iSCSI 2' → 10.20.2.100): "
                        + "each LUN would appear 2 times; use mpio: auto"));
    }

    @Test
    void aChapSecretWrittenInTheFileIsRefusedWithoutRepeatingIt() throws IOException {
        String text = replaceOnce(example(), "  # chap: { username: hvcl03, secret: { env: HVCLUSTER_CHAP_SECRET } }",
                "  chap: { username: hvcl03, secret: Sup3rS3cretChap }");
        int[] pos = at(text, "Sup3rS3cretChap");
        List<Problem> problems = load(text).problems();
        assertThat(problems).containsExactly(Problem.error("storage.chap.secret", pos[0], pos[1],
                "must not hold the CHAP secret itself; use { env: VARIABLE }"));
        assertThat(problems.toString()).doesNotContain("Sup3rS3cretChap");
    }

    @Test
    void aChapSecretFromTheEnvironmentIsKeptAsTheVariableName() throws IOException {
        String text = replaceOnce(example(), "  # chap: { username: hvcl03,", "  chap: { username: hvcl03,");
        StorageSpec s = load(text).inventory().orElseThrow().storage().orElseThrow();
        assertThat(s.chap()).contains(new StorageSpec.Chap("hvcl03", "HVCLUSTER_CHAP_SECRET"));
    }

    @Test
    void iscsiNeedsTargetsAndAWellFormedIqn() throws IOException {
        String text = replaceOnce(example(), "iqn: iqn.1992-08.com.example:san01.hvcl03", "iqn: san01");
        int[] pos = at(text, "san01   ");
        assertThat(errors(load(text))).containsExactly(Problem.error("storage.targets[0].iqn", pos[0], pos[1],
                "'san01' is not an iSCSI name; expected iqn.YYYY-MM.reversed.domain:name (or eui./naa.), at most 223 characters, "
                        + "as the array shows it"));
    }

    @Test
    void fibreChannelTakesNoTargetsNorChap() throws IOException {
        String text = replaceOnce(example(), "  kind: iscsi ", "  kind: fibreChannel ");
        int[] pos = at(text, "targets:");
        assertThat(errors(load(text))).containsExactly(Problem.error("storage.targets", pos[0], pos[1],
                "Fibre Channel LUNs are visible without logging on to a target; remove targets, or use kind: iscsi"));
    }

    @Test
    void anUnknownKindNamesTheChoices() throws IOException {
        String text = replaceOnce(example(), "  kind: iscsi ", "  kind: iscsci ");
        assertThat(errors(load(text))).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("'iscsci' is not a valid storage kind; expected one of: iscsi, fibreChannel, sas (did you mean 'iscsi'?)"));
    }

    @Test
    void withoutAStorageSectionNothingIsConnectedAndNothingIsSaid() throws IOException {
        String text = example();
        String section = text.substring(text.indexOf("storage:"), text.indexOf("connection:"));
        LoadResult r = load(text.replace(section, ""));
        assertThat(r.inventory()).isPresent();
        assertThat(r.inventory().orElseThrow().storage()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }
}
