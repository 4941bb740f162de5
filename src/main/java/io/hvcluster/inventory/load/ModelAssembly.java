package io.hvcluster.inventory.load;

import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.CapacitySpec;
import io.hvcluster.inventory.HostSettingsSpec;
import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.IscsiTarget;
import io.hvcluster.inventory.LoadBalancePolicy;
import io.hvcluster.inventory.MpioMode;
import io.hvcluster.inventory.StorageSpec;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.inventory.VirtualSwitchSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the immutable model from a document that passed every rule: required values are present and defaults
 * are applied here, in one place.
 */
final class ModelAssembly {

    private ModelAssembly() {
    }

    static Inventory inventory(String source, InventoryDocument d) {
        List<Network> networks = d.networks().stream().map(ModelAssembly::network).toList();
        List<Host> hosts = d.hosts().stream().map(h -> host(h, networks)).toList();
        return new Inventory(source, cluster(d.cluster()), networks, hosts, connection(d.connection()),
                Optional.ofNullable(d.capacity()).map(ModelAssembly::capacity),
                d.hostSettings() == null ? HostSettingsSpec.DEFAULTS : hostSettings(d.hostSettings()),
                Optional.ofNullable(d.storage()).map(ModelAssembly::storage));
    }

    private static HostSettingsSpec hostSettings(HostSettingsDocument s) {
        return new HostSettingsSpec(Located.valueOr(s.defenderExclusions(), true), value(s.virtualMachinePath()),
                value(s.virtualHardDiskPath()), value(s.migrationEnabled()), value(s.maximumMigrations()).map(Long::intValue),
                value(s.performanceOption()), value(s.authentication()), value(s.csvBlockCacheMb()));
    }

    private static StorageSpec storage(StorageDocument s) {
        return new StorageSpec(s.kind().value(),
                s.targets().stream().map(t -> new IscsiTarget(t.portals().stream().map(Located::value).toList(),
                        value(t.iqn()).map(String::trim))).toList(),
                Optional.ofNullable(s.chap()).map(c -> new StorageSpec.Chap(c.username().value(), c.secretVariable().value())),
                Located.valueOr(s.mpio(), MpioMode.AUTO), Located.valueOr(s.loadBalancePolicy(), LoadBalancePolicy.RR));
    }

    private static ClusterSpec cluster(ClusterDocument c) {
        return new ClusterSpec(c.name().value(), c.address().value(), c.domain().value(),
                Located.valueOr(c.os(), TargetOs.DEFAULT), Located.valueOr(c.quorum(), QuorumMode.AUTO),
                Optional.ofNullable(c.witness()).map(ModelAssembly::disk),
                c.sharedVolumes().stream().map(ModelAssembly::disk).toList(),
                c.virtualSwitches().stream().map(s -> new VirtualSwitchSpec(s.name().value(), s.network().value(),
                        Located.valueOr(s.allowManagementOs(), false), value(s.vlan()).map(Long::intValue))).toList(),
                Located.valueOr(c.disableUnusedAdapters(), false),
                c.externalWitnesses().stream().map(WitnessSectionReader.ExternalWitnessDocument::value)
                        .filter(java.util.Objects::nonNull).findFirst());
    }

    private static DiskSpec disk(DiskDocument d) {
        return new DiskSpec(d.label().value(), value(d.serial()), value(d.uniqueId()), value(d.sizeBytes()),
                d.fileSystem() == null ? null : d.fileSystem().value());
    }

    private static Network network(NetworkDocument n) {
        return new Network(n.name().value(), n.purpose().value(), value(n.subnet()), value(n.gateway()),
                n.dns().stream().map(Located::value).toList());
    }

    /** NICs in the order of the inventory's networks, whatever order the host listed them in. */
    private static Host host(HostDocument h, List<Network> networks) {
        List<HostNic> nics = new ArrayList<>();
        for (Network network : networks) {
            h.nics().stream().filter(n -> n.network().equals(network.name())).findFirst().ifPresent(n -> nics.add(
                    new HostNic(n.network(), value(n.mac()), value(n.currentName()), value(n.ip()))));
        }
        return new Host(h.name().value(), h.address().value(), nics);
    }

    private static Connection connection(ConnectionDocument c) {
        boolean https = Located.valueOr(c.https(), true);
        int defaultPort = https ? Connection.DEFAULT_HTTPS_PORT : Connection.DEFAULT_HTTP_PORT;
        return new Connection(value(c.port()).map(Long::intValue).orElse(defaultPort), https,
                Located.valueOr(c.auth(), AuthMethod.KERBEROS), c.username().value(), c.password().value(),
                Located.valueOr(c.skipCertificateCheck(), false),
                value(c.connectTimeoutSeconds()).map(Duration::ofSeconds).orElse(Connection.DEFAULT_CONNECT_TIMEOUT),
                value(c.operationTimeoutSeconds()).map(Duration::ofSeconds)
                        .orElse(Connection.DEFAULT_OPERATION_TIMEOUT),
                Located.valueOr(c.allowPasswordOverHttp(), false),
                Located.valueOr(c.secondHop(), SecondHop.AUTO));
    }

    private static CapacitySpec capacity(CapacityDocument c) {
        return new CapacitySpec(c.hostMemoryGb().value(), c.hostLogicalProcessors().value().intValue(),
                Located.valueOr(c.parentReserveGb(), CapacityRules.DEFAULT_PARENT_RESERVE_GB),
                value(c.failoverReserve()).map(Long::intValue).orElse(CapacityRules.DEFAULT_FAILOVER_RESERVE),
                Located.valueOr(c.isoLibraryGb(), CapacityRules.DEFAULT_ISO_LIBRARY_GB),
                Located.valueOr(c.freeSpacePercent(), CapacityRules.DEFAULT_FREE_SPACE_PERCENT),
                Located.valueOr(c.maxVcpuPerLogicalProcessor(), CapacityRules.DEFAULT_MAX_VCPU_PER_LP),
                c.vmGroups().stream().map(g -> new CapacitySpec.VmGroup(g.name().value(), g.count().value().intValue(),
                        g.memoryGb().value(), g.vcpus().value().intValue(), g.diskGb().value())).toList());
    }

    private static <T> Optional<T> value(Located<T> located) {
        return located == null ? Optional.empty() : Optional.of(located.value());
    }
}
