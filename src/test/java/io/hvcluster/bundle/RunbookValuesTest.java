package io.hvcluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.steps.StandardPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RUNBOOK.md names the values hvcluster knows instead of placeholders, for every example inventory. */
class RunbookValuesTest {

    private static Inventory load(String file) throws Exception {
        return InventoryLoader.load(Path.of("inventories", file)).inventory().orElseThrow();
    }

    private static String runbook(Inventory inv) {
        Pipeline pipeline = StandardPipeline.create();
        List<RenderedScript> scripts = new BundleRenderer(ScriptRenderer.bundled(), "test").render(inv, pipeline);
        return new RunbookWriter().write(inv, pipeline, scripts, "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab-2node.yaml", "lab-3node.yaml", "lab-4node.yaml"})
    void noPlaceholderIsLeft(String file) throws Exception {
        String md = runbook(load(file));

        Matcher m = Pattern.compile("<[A-Za-z][^>\\n]*>").matcher(md);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertThat(found).as("placeholders in the runbook").isEmpty();
        // Every mention of the cluster's address carries it.
        Matcher addr = Pattern.compile("the cluster address(?! \\()").matcher(md);
        assertThat(addr.find()).as("'the cluster address' without the address").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab-2node.yaml", "lab-3node.yaml", "lab-4node.yaml"})
    void everyNodePingsEveryOtherNodeFromItsOwnAddressOnEachNetwork(String file) throws Exception {
        Inventory inv = load(file);
        String md = runbook(inv);
        int pings = 0;
        for (Network net : inv.networks()) {
            for (Host from : inv.hosts()) {
                for (Host to : inv.hosts()) {
                    var a = from.nic(net.name()).flatMap(HostNic::ip);
                    var b = to.nic(net.name()).flatMap(HostNic::ip);
                    if (from != to && a.isPresent() && b.isPresent()) {
                        assertThat(md).contains("`ping -S " + a.get() + " " + b.get() + "`");
                        pings++;
                    }
                }
            }
        }
        assertThat(pings).as("the example has addressed networks").isGreaterThanOrEqualTo(inv.hosts().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab-2node.yaml", "lab-3node.yaml", "lab-4node.yaml"})
    void theUplinksTheClusterAndTheDisksAreNamed(String file) throws Exception {
        Inventory inv = load(file);
        String md = runbook(inv);

        for (Network net : inv.networksWith(NetworkPurpose.VIRTUAL_SWITCH)) {
            assertThat(md).contains("Get-NetAdapterBinding -Name '" + net.name().replace("'", "''") + "'")
                    .contains("uplink NIC '" + net.name() + "'");
        }
        inv.cluster().virtualSwitches().forEach(v -> assertThat(md).contains("switch **" + v.name() + "** on uplink NIC '" + v.network() + "'"));
        assertThat(md).contains("cluster **" + inv.cluster().name() + "** at " + inv.cluster().address())
                .contains("`Resolve-DnsName " + inv.cluster().name() + "." + inv.cluster().domain() + "` answers " + inv.cluster().address());
        List<DiskSpec> disks = new ArrayList<>(inv.cluster().sharedVolumes());
        inv.cluster().witness().ifPresent(disks::add);
        assertThat(disks).isNotEmpty();
        for (DiskSpec d : disks) {
            d.serial().ifPresent(s -> assertThat(md).contains("Where-Object SerialNumber -eq '" + s + "'"));
            d.uniqueId().ifPresent(u -> assertThat(md).contains("Where-Object UniqueId -eq '" + u + "'"));
            assertThat(md).contains("'" + d.label() + "'");
        }
        for (Host h : inv.hosts()) {
            for (HostNic n : h.nics()) {
                n.mac().ifPresent(mac -> assertThat(md).contains("'" + n.network() + "' (MAC " + mac + ")"));
            }
        }
    }
}
