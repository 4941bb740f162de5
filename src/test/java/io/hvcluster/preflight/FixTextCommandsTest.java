package io.hvcluster.preflight;

import static io.hvcluster.testing.FactsFixtures.withAdapter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.steps.SharedDiskLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 10: every fix the tool names is a command that does what it says. Pins the fixes corrected there
 * (a disk is never "initialized as GPT" by Clear-Disk, which un-initializes it; MPIO is claimed with the command
 * that claims; a disabled NIC is not hidden; processor compatibility needs the VM and its being off) and checks
 * every PowerShell command these fixes name against the cmdlet catalog, with its parameters.
 */
class FixTextCommandsTest {

    private static final Pattern COMMAND = Pattern.compile("\\b([A-Z][a-z]+-[A-Z][A-Za-z]+)((?:\\s+-[A-Za-z]+(?::\\$\\w+)?(?:\\s+(?!-)[^\\s;,()]+)?)*)");
    private static final Pattern PARAMETER = Pattern.compile("\\s-([A-Za-z]+)");
    private static JsonNode catalog;

    @BeforeAll
    static void loadCatalog() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("src/test/resources/ps-catalog/catalog.json.gz")))) {
            catalog = JsonMapper.builder().build().readTree(in);
        }
    }

    /** The cmdlet and parameter names {@code text} uses that the catalog does not know. */
    static List<String> unknownCommands(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = COMMAND.matcher(text);
        while (m.find()) {
            JsonNode cmdlet = catalog.path("cmdlets").path(m.group(1));
            if (cmdlet.isMissingNode()) {
                unknown.add(m.group(1));
                continue;
            }
            Set<String> known = new HashSet<>();
            catalog.path("commonParameters").forEach(p -> known.add(p.asText().toLowerCase(Locale.ROOT)));
            catalog.path("riskMitigationParameters").forEach(p -> known.add(p.asText().toLowerCase(Locale.ROOT)));
            for (Iterator<JsonNode> sets = cmdlet.path("parameterSets").elements(); sets.hasNext(); ) {
                sets.next().fieldNames().forEachRemaining(p -> known.add(p.toLowerCase(Locale.ROOT)));
            }
            Matcher p = PARAMETER.matcher(m.group(2));
            while (p.find()) {
                if (!known.contains(p.group(1).toLowerCase(Locale.ROOT))) {
                    unknown.add(m.group(1) + " -" + p.group(1));
                }
            }
        }
        return unknown;
    }

    private static List<String> fixes(Scenario s, PreflightCheck check) {
        List<String> out = s.run(check).stream().map(Finding::fix).toList();
        assertThat(out).as(check.id() + " found nothing").isNotEmpty();
        return out;
    }

    @Test
    void theCheckerItselfRejectsAnUnknownCmdletAndAnUnknownParameter() {
        assertThat(unknownCommands("run Clear-Disk -Number 2 -RemoveData -RemoveOEM -Confirm:$false")).isEmpty();
        assertThat(unknownCommands("run Clear-Disk -Number 2 -InitializeAsGpt")).containsExactly("Clear-Disk -InitializeAsGpt");
        assertThat(unknownCommands("run Initialize-Volume -Force")).containsExactly("Initialize-Volume");
    }

    @Test
    void anMbrCsvIsMadeRawByClearDiskNeverInitializedByIt() {
        Scenario s = Scenario.fresh().host("HV01", h -> StorageAndStateChecksTest.disk(h, "CSV-01",
                d -> StorageAndStateChecksTest.copy(d, "", "MBR", d.sizeBytes(), false, false)));
        String fix = fixes(s, new SharedDiskUsageCheck()).get(0);
        assertThat(fix).contains("Clear-Disk -Number 2 -RemoveData -RemoveOEM -Confirm:$false (the disk becomes RAW")
                .doesNotContain("initialized as GPT", "so it is initialized");
        assertThat(unknownCommands(fix)).isEmpty();
    }

    @Test
    void aLunSeenTwiceNamesTheCommandsThatInstallAndClaimMpio() {
        Scenario s = Scenario.fresh().host("HV02", h -> {
            List<HostFacts.Disk> disks = new ArrayList<>(h.disks());
            disks.add(disks.stream().filter(d -> d.serial().equals("CSV-01")).findFirst().orElseThrow());
            return io.hvcluster.testing.FactsFixtures.withDisks(h, disks);
        });
        String fix = fixes(s, new SharedDiskVisibilityCheck()).get(0);
        assertThat(fix).contains("Install-WindowsFeature -Name Multipath-IO", "Enable-MSDSMAutomaticClaim -BusType iSCSI", "Restart-Computer");
        assertThat(unknownCommands(fix)).isEmpty();
    }

    @Test
    void aMissingNicIsNotSaidToHideWhenDisabled() {
        Scenario s = Scenario.fresh().host("HV01", h -> withAdapter(h, "Ethernet 2", a -> new HostFacts.Adapter(a.name(), a.description(),
                "00-15-5D-FF-00-01", a.status(), a.ifIndex(), a.linkSpeed(), a.hidden(), a.dhcp(), a.registerDns(), a.dnsServers(),
                a.defaultRoute(), a.ipv4(), a.bindings())));
        String fix = fixes(s, new NicPresenceCheck()).get(0);
        // Get-NetAdapter lists disabled adapters without -IncludeHidden (which adds hidden ones, not disabled ones).
        assertThat(fix).doesNotContain("IncludeHidden").contains("Get-NetAdapter -Physical", "lists disabled NICs too");
        assertThat(unknownCommands(fix)).isEmpty();
    }

    @Test
    void processorCompatibilityNamesTheVmAndThatItMustBeOff() {
        Scenario s = Scenario.fresh().host("HV02", h -> OsAndCpuChecksTest.cpu(h, "GenuineIntel", "Intel(R) Xeon(R) Gold 6430", 9, true, true, false));
        String fix = fixes(s, new CpuConsistencyCheck()).get(0);
        assertThat(fix).contains("while it is off", "Set-VMProcessor -VMName <vm> -CompatibilityForMigrationEnabled $true");
        assertThat(unknownCommands(fix)).isEmpty();
    }

    @Test
    void theDiskPreparationTextsNameRealCommands() {
        List<String> texts = List.of(SharedDiskLayout.mbrCsv("CSV1", "CSV-01", "MBR", 2), SharedDiskLayout.partitions("CSV1", "CSV-01", 2, 2),
                SharedDiskLayout.volumeProblem("CSV1", "CSV-01", "NTFS", "ReFS", 2).orElseThrow(),
                SharedDiskLayout.volumeProblem("CSV1", "CSV-01", "NTFS", "", 2).orElseThrow(),
                SharedDiskLayout.labelWarning("CSV1", "CSV-01", "Data"));
        for (String t : texts) {
            assertThat(unknownCommands(t)).as(t).isEmpty();
            assertThat(t).doesNotContain("initialized as GPT");
        }
        assertThat(texts.get(2)).contains("write fileSystem: ReFS for this disk in the inventory");
    }

    @Test
    void everyPreflightFixOfTheFreshAndDamagedScenariosNamesRealCommands() {
        List<String> all = new ArrayList<>();
        Scenario broken = Scenario.fresh()
                .host("HV01", h -> StorageAndStateChecksTest.disk(h, "CSV-01", d -> StorageAndStateChecksTest.copy(d, "", "MBR", d.sizeBytes(), false, false)))
                .host("HV02", h -> io.hvcluster.testing.FactsFixtures.withDisks(h, h.disks().stream().filter(d -> !d.serial().equals("CSV-02")).toList()))
                .host("HV03", h -> OsAndCpuChecksTest.cpu(h, "GenuineIntel", "Intel(R) Xeon(R) Gold 6430", 9, false, true, false));
        for (PreflightCheck c : Preflight.standard().checks()) {
            broken.run(c).forEach(f -> all.add(f.fix()));
        }
        assertThat(all).hasSizeGreaterThan(3);
        for (String fix : all) {
            assertThat(unknownCommands(fix)).as(fix).isEmpty();
        }
    }
}
