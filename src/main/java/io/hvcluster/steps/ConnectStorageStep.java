package io.hvcluster.steps;

import io.hvcluster.facts.DiskIdentity;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.WindowsFeature;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.IscsiTarget;
import io.hvcluster.inventory.StorageSpec;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.ConnectIscsiTarget;
import io.hvcluster.windows.EnableMSDSMAutomaticClaim;
import io.hvcluster.windows.InstallWindowsFeature;
import io.hvcluster.windows.IscsiChap;
import io.hvcluster.windows.NewIscsiTargetPortal;
import io.hvcluster.windows.RegisterIscsiSession;
import io.hvcluster.windows.SetMSDSMGlobalDefaultLoadBalancePolicy;
import io.hvcluster.windows.SetService;
import io.hvcluster.windows.ShutdownRestart;
import io.hvcluster.windows.StartService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connects the iSCSI LUNs on every host, after its addresses: MSiSCSI automatic and running; Multipath-IO installed
 * (one restart, shared with Hyper-V's on a host not yet in a cluster) and iSCSI claimed by the Microsoft DSM with the
 * inventory's load-balance policy; one target portal per path, with the iSCSI NIC's address as initiator portal; one
 * persistent, multipath session per path; then each LUN seen exactly once, over every session to its target.
 * Fibre Channel, SAS and inventories without {@code storage} need nothing here (docs/windows-behaviour.md,
 * "Shared storage").
 */
public final class ConnectStorageStep implements Step<ConnectStorageStep.Params> {

    public static final String ID = "connect-storage";
    /** The $HvcSecrets key of the CHAP secret, which the CLI reads from the inventory's environment variable. */
    public static final String CHAP_SECRET = "IscsiChapSecret";
    static final String MSISCSI = "MSiSCSI";
    static final String RESTART_REASON = "Multipath-IO needs it";
    static final String SHARED_RESTART_REASON = "Multipath-IO needs it; Hyper-V is installed in the same restart, so enable-hyper-v finds it installed";

    /**
     * @param iscsi              whether hvcluster connects iSCSI here at all (false: no storage section, FC, SAS)
     * @param mpio               install Multipath-IO and let the Microsoft DSM claim iSCSI
     * @param loadBalancePolicy  Set-MSDSMGlobalDefaultLoadBalancePolicy -Policy
     * @param withHyperV         on a host in no cluster, install Hyper-V with Multipath-IO so the host restarts once
     * @param paths              one portal and one session each
     * @param luns               the inventory's shared disks, checked after the sessions
     * @param chapUsername       one-way CHAP user ("" = no CHAP); the secret comes from $HvcSecrets only
     * @param chapSecretVariable the environment variable the secret was read from (named in error messages)
     * @param rebootDelaySeconds shutdown.exe /t value
     * @param rebootMessage      the reason logged with the restart
     */
    public record Params(boolean iscsi, boolean mpio, String loadBalancePolicy, boolean withHyperV, List<IscsiPath> paths,
            List<Lun> luns, String chapUsername, String chapSecretVariable, int rebootDelaySeconds, String rebootMessage) {
    }

    /**
     * @param adapter          the iSCSI NIC (its network's name, the adapter's name once renamed)
     * @param initiatorAddress that NIC's address
     * @param portalAddress    the target portal
     * @param target           the target IQN, "" for every target the portal offers
     */
    public record IscsiPath(String adapter, String initiatorAddress, String portalAddress, String target) {
    }

    /** @param sizeBytes the inventory's size, 0 when not given */
    public record Lun(String label, String serial, String uniqueId, long sizeBytes) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Connect the shared storage (iSCSI sessions, Multipath-IO)";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(ConfigureAddressesStep.ID);
    }

    @Override
    public List<Phase> phases() {
        return List.of(new Phase(Phase.Kind.APPLY, ID + "/apply.ps1.vm", true),
                new Phase(Phase.Kind.AFTER_REBOOT, ID + "/after-reboot.ps1.vm", false));
    }

    @Override
    public Set<String> secrets() {
        return Set.of(CHAP_SECRET);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        Optional<StorageSpec> storage = inventory.iscsi();
        if (storage.isEmpty()) {
            return new Params(false, false, "", false, List.of(), List.of(), "", "", EnableHyperVStep.REBOOT_DELAY_SECONDS, "");
        }
        StorageSpec s = storage.get();
        List<IscsiPath> paths = new ArrayList<>();
        for (IscsiTarget t : s.targets()) {
            for (StorageSpec.IscsiPath p : StorageSpec.paths(inventory, host, t)) {
                paths.add(new IscsiPath(p.network(), p.initiator().toString(), p.portal().toString(), t.iqn().orElse("")));
            }
        }
        List<Lun> luns = new ArrayList<>();
        List<DiskSpec> disks = new ArrayList<>();
        inventory.cluster().witness().ifPresent(disks::add);
        disks.addAll(inventory.cluster().sharedVolumes());
        for (DiskSpec d : disks) {
            luns.add(new Lun(d.label(), d.serial().orElse(""), d.uniqueId().orElse(""), d.sizeBytes().orElse(0L)));
        }
        return new Params(true, s.mpioOn(inventory, host), s.loadBalancePolicy().windowsName(), true, paths, luns,
                s.chap().map(StorageSpec.Chap::username).orElse(""),
                s.chap().map(StorageSpec.Chap::secretVariable).orElse(""), EnableHyperVStep.REBOOT_DELAY_SECONDS,
                "hvcluster: restart to finish installing Multipath-IO");
    }

    @Override
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        if (!p.iscsi()) {
            return out.build();
        }
        HostFacts f = facts.of(host);
        HostFacts.Storage s = f.storage();
        if (s == null) {
            out.problem("cannot read the iSCSI initiator's state on " + host + ": " + sectionError(f));
            return out.build();
        }
        if (!"Automatic".equals(s.iscsiStartType())) {
            out.change("service " + MSISCSI + " start type", s.iscsiStartType(), "Automatic").by(new SetService(MSISCSI, "Automatic"));
        }
        if (!"Running".equals(s.iscsiService())) {
            out.change("service " + MSISCSI, s.iscsiService(), "Running").by(new StartService(MSISCSI));
        }
        boolean restartFirst = p.mpio() && mpio(host, f, s, p, out);
        if (restartFirst) {
            // Portals and sessions wait for the restart: connected now, every LUN would show once per path.
            for (IscsiPath path : p.paths()) {
                out.add(sessionObject(path), "after the restart: portal, then a persistent multipath session");
            }
            return out.build();
        }
        for (IscsiPath path : p.paths()) {
            boolean portal = s.portals().stream().anyMatch(x -> x.address().equals(path.portalAddress()));
            if (!portal) {
                out.add("iSCSI target portal " + path.portalAddress(), "via '" + path.adapter() + "' (" + path.initiatorAddress() + ")")
                        .by(new NewIscsiTargetPortal(path.portalAddress(), path.initiatorAddress()));
            }
            Optional<HostFacts.IscsiSession> session = s.sessions().stream().filter(x -> matches(x, path)).findFirst();
            if (session.isEmpty()) {
                out.add(sessionObject(path), "persistent, multipath").by(new ConnectIscsiTarget(path.target(), path.portalAddress(),
                        path.initiatorAddress(), true, p.mpio(), chap(p)));
            } else if (!session.get().persistent()) {
                out.change(sessionObject(path), "not persistent", "persistent").by(new RegisterIscsiSession(path.target(),
                        path.portalAddress(), path.initiatorAddress(), p.mpio(), chap(p)));
            }
        }
        if (out.build().inDesiredState()) {
            luns(p, f, out);
        }
        return out.build();
    }

    /** Multipath-IO, the claim and the policy; true when the host must restart before any session is made. */
    private static boolean mpio(String host, HostFacts f, HostFacts.Storage s, Params p, StepPlanBuilder out) {
        String feature = WindowsFeature.MULTIPATH_IO.windowsName();
        String state = f.feature(feature).map(HostFacts.Feature::installState).orElse("");
        if (state.isEmpty()) {
            out.problem("the Multipath-IO feature is not available on this server");
            return true;
        }
        if (state.equals("Installed")) {
            if (!s.msdsmIscsiClaim()) {
                out.add("MSDSM automatic claim", "iSCSI").by(new EnableMSDSMAutomaticClaim("iSCSI"));
                boolean connected = s.sessions().stream().anyMatch(x -> p.paths().stream().anyMatch(path -> matches(x, path)));
                if (connected) {
                    // The Microsoft DSM claims a LUN when it arrives: LUNs already connected stay doubled until a restart.
                    // The script sets the policy with the claim (Set-HvcMsdsm), before the restart.
                    policy(p, s, out);
                    restart(host, f, out, "the Microsoft DSM claims the LUNs already connected only at boot",
                            shutdown(p, "so the Microsoft DSM claims the LUNs already connected"));
                    return true;
                }
            }
            policy(p, s, out);
            return false;
        }
        if (state.equals("InstallPending")) {
            restart(host, f, out, "to finish installing Multipath-IO", shutdown(p, "to finish installing Multipath-IO"));
            return true;
        }
        out.change("feature " + feature, state, "Installed").by(new InstallWindowsFeature(feature, true));
        out.add("MSDSM automatic claim", "iSCSI (effective after the restart)").by(new EnableMSDSMAutomaticClaim("iSCSI"));
        // The script sets the policy with the claim, as soon as Install-WindowsFeature has brought the MPIO module.
        policy(p, s, out);
        boolean hyperV = p.withHyperV() && hyperVComesAlong(f);

        if (hyperV) {
            out.change("feature " + WindowsFeature.HYPER_V.windowsName() + " (with its management tools)", "Available", "Installed")
                    .by(new InstallWindowsFeature(WindowsFeature.HYPER_V.windowsName(), true));
        }
        restart(host, f, out, hyperV ? SHARED_RESTART_REASON : RESTART_REASON,
                shutdown(p, hyperV ? "to finish installing Multipath-IO and Hyper-V" : "to finish installing Multipath-IO"));
        return true;
    }

    /** The Microsoft DSM's default load-balance policy (Set-HvcMsdsm sets it right after the claim). */
    private static void policy(Params p, HostFacts.Storage s, StepPlanBuilder out) {
        if (!p.loadBalancePolicy().equalsIgnoreCase(s.loadBalancePolicy())) {
            out.change("MSDSM default load-balance policy", s.loadBalancePolicy().isEmpty() ? "(none)" : s.loadBalancePolicy(),
                    p.loadBalancePolicy()).by(new SetMSDSMGlobalDefaultLoadBalancePolicy(p.loadBalancePolicy()));
        }
    }

    /** Never restart a cluster node from here: connect-storage does not drain, so an admin does it. */
    private static void restart(String host, HostFacts f, StepPlanBuilder out, String why, ShutdownRestart op) {
        if (f.clusterMember()) {
            out.problem("refusing to restart cluster node " + host + " for Multipath-IO (" + why + "): drain it "
                    + "(Suspend-ClusterNode -Drain), install Multipath-IO and restart it by hand, then run hvcluster again");
            return;
        }
        out.restart(host, why).by(op);
    }

    /** shutdown.exe /r with the script's delay and comment; {@code why} is how the script reports it. */
    private static ShutdownRestart shutdown(Params p, String why) {
        return new ShutdownRestart(p.rebootDelaySeconds(), p.rebootMessage(), why);
    }

    /** The logon's CHAP, by the secret's $HvcSecrets name: the value never enters a plan. */
    private static IscsiChap chap(Params p) {
        return p.chapUsername().isEmpty() ? null : new IscsiChap(p.chapUsername(), CHAP_SECRET, p.chapSecretVariable());
    }

    /**
     * Each LUN once, at its size: with every path connected and MPIO settled, a LUN not seen is not mapped to this
     * initiator, a LUN seen twice is a claim that did not happen, and another size is another LUN (Test-HvcLuns).
     */
    private static void luns(Params p, HostFacts f, StepPlanBuilder out) {
        for (Lun lun : p.luns()) {
            List<HostFacts.Disk> seen = new DiskIdentity(lun.serial(), lun.uniqueId()).matching(f);
            String name = "LUN '" + lun.label() + "' (serial '" + lun.serial() + "')";
            if (seen.isEmpty()) {
                out.problem(name + " is not presented to " + f.computerName() + " over its iSCSI sessions: map it to this host's "
                        + "iSCSI initiator on the array (Get-InitiatorPort shows its name)");
            } else if (seen.size() > 1) {
                out.problem(name + " appears " + seen.size() + " times on "
                        + f.computerName() + ": Multipath-IO does not claim it (one disk per path); "
                        + (p.mpio() ? "restart the host so the Microsoft DSM claims it" : "set storage.mpio: auto"));
            } else if (lun.sizeBytes() > 0 && Math.abs(seen.get(0).sizeBytes() - lun.sizeBytes()) > lun.sizeBytes() / 100) {
                out.problem(name + " is " + seen.get(0).sizeBytes() + " bytes on " + f.computerName() + ", the inventory says "
                        + lun.sizeBytes() + ": the array presents another LUN under this serial, or the inventory's size is wrong");
            }
        }
    }

    /**
     * Whether installing Multipath-IO, still to come on this host, takes Hyper-V along (one restart for both, when
     * the parameters say {@code withHyperV}): Multipath-IO is neither Installed nor InstallPending, the host is in no
     * cluster (a node is drained by enable-hyper-v, never restarted here) and Hyper-V is Available. Pure.
     */
    public static boolean hyperVComesAlong(HostFacts f) {
        String mpio = f.feature(WindowsFeature.MULTIPATH_IO.windowsName()).map(HostFacts.Feature::installState).orElse("");
        return !mpio.isEmpty() && !mpio.equals("Installed") && !mpio.equals("InstallPending") && !f.clusterMember()
                && "Available".equals(f.feature(WindowsFeature.HYPER_V.windowsName()).map(HostFacts.Feature::installState).orElse(""));
    }

    /** Whether this step still has work on {@code host}: its LUNs are not (all) connected, or not claimed yet. */
    static boolean pendingOn(Host host, FactsView facts) {
        return facts.inventory().iscsi().isPresent() && !new ConnectStorageStep().diff(host, facts).inDesiredState();
    }

    static boolean matches(HostFacts.IscsiSession s, IscsiPath path) {
        return s.initiatorAddress().equals(path.initiatorAddress()) && s.portalAddress().equals(path.portalAddress())
                && (path.target().isEmpty() || s.target().equalsIgnoreCase(path.target()));
    }

    private static String sessionObject(IscsiPath path) {
        return "iSCSI session " + (path.target().isEmpty() ? "(every target of the portal)" : path.target()) + " "
                + path.initiatorAddress() + " → " + path.portalAddress();
    }

    private static String sectionError(HostFacts f) {
        return f.errors().stream().filter(e -> e.section().equals("storage")).map(HostFacts.SectionError::message).findFirst()
                .orElse("the facts probe returned no storage section");
    }

    /** Back after the restart once Multipath-IO (and Hyper-V, if it came along) is installed and vmms runs. */
    @Override
    public boolean backAfterRestart(HostFacts facts) {
        String hyperV = facts.feature(WindowsFeature.HYPER_V.windowsName()).map(HostFacts.Feature::installState).orElse("");
        boolean hyperVSettled = !hyperV.equals("InstallPending") && (!hyperV.equals("Installed") || (facts.hyperV() != null && facts.hyperV().running()));
        return facts.featureInstalled(WindowsFeature.MULTIPATH_IO.windowsName()) && hyperVSettled;
    }

    @Override
    public String backAfterRestartMeans() {
        return "with Multipath-IO installed (and Hyper-V running, if it came along)";
    }

    @Override
    public List<String> checks() {
        return List.of("Get-Service MSiSCSI shows Running with StartType Automatic.",
                "Get-IscsiSession shows one persistent session per iSCSI NIC and portal (IsPersistent True).",
                "Get-Disk shows each shared LUN exactly once; Get-MSDSMAutomaticClaimSettings shows iSCSI True where MPIO is used.");
    }
}
