package io.hvcluster.sim.host;

import io.hvcluster.facts.DiskIdentity;
import io.hvcluster.secrets.Secret;
import io.hvcluster.steps.ConnectStorageStep;
import io.hvcluster.windows.ShutdownRestart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * templates/connect-storage/apply.ps1.vm (and, through {@link #connect}, after-reboot.ps1.vm): MSiSCSI, Multipath-IO
 * (InstallPending until the restart; Hyper-V comes along on a host in no cluster), the Microsoft DSM's claim and
 * policy, portals, sessions, then the LUN check, with the templates' messages.
 */
final class ConnectStorageEffect implements StepEffect<ConnectStorageStep.Params> {

    static final String MULTIPATH_IO = "Multipath-IO";

    @Override
    public Class<ConnectStorageStep.Params> paramsType() {
        return ConnectStorageStep.Params.class;
    }

    @Override
    public void apply(StepRun run, ConnectStorageStep.Params p) throws StepFailure {
        run.data.put("rebootScheduled", false);
        if (!p.iscsi()) {
            return;
        }
        WindowsHost host = run.host;
        run.data.put("bootTimeBefore", FactsSnapshot.roundTrip(host.bootTimeMillis));
        service(run);
        String restartWhy = "";
        if (p.mpio()) {
            String state = String.valueOf(host.featureState(MULTIPATH_IO));
            run.data.put("installStateBefore", state);
            if (state.equals("InstallPending")) {
                restartWhy = "to finish installing Multipath-IO";
            } else if (!state.equals("Installed")) {
                boolean member = run.cluster().isPresent();
                List<String> features = new ArrayList<>(List.of(MULTIPATH_IO));
                if (p.withHyperV() && !member && "Available".equals(host.featureState("Hyper-V"))) {
                    features.add("Hyper-V");
                }
                run.spend(run.latencies().featureInstall());
                if (features.contains("Hyper-V")) {
                    FeatureCmdlets.hyperVPrerequisites(host);
                    if (host.features.containsKey("Hyper-V-PowerShell") && !host.featureInstalled("Hyper-V-PowerShell")) {
                        host.features.put("Hyper-V-PowerShell", "InstallPending");
                    }
                }
                features.forEach(f -> host.features.put(f, "InstallPending"));
                host.bootsToFinishFeatures = features.contains("Hyper-V") && run.latencies().hyperVSecondReboot() ? 2 : 1;
                run.data.put("exitCode", "SuccessRestartRequired");
                run.change("installed " + String.join(", ", features) + " (SuccessRestartRequired)");
                msdsm(run, p);
                restartWhy = features.size() > 1 ? "to finish installing Multipath-IO and Hyper-V" : "to finish installing Multipath-IO";
            } else if (!host.iscsi.msdsmIscsiClaim && !host.iscsi.sessions.isEmpty()) {
                msdsm(run, p);
                restartWhy = "so the Microsoft DSM claims the LUNs already connected";
            }
        }
        if (!restartWhy.isEmpty()) {
            if (run.cluster().isPresent()) {
                throw new StepFailure("refusing to restart cluster node " + host.name + " " + restartWhy
                        + ": drain it (Suspend-ClusterNode -Drain) and restart it by hand, then run hvcluster again");
            }
            Restart.schedule(run, new ShutdownRestart(p.rebootDelaySeconds(), p.rebootMessage(), restartWhy));
            return;
        }
        if (p.mpio()) {
            msdsm(run, p);
        }
        connect(run, p);
    }

    /** Set-HvcIscsiService. */
    static void service(StepRun run) {
        IscsiInitiator i = run.host.iscsi;
        if (!"Automatic".equals(i.startType)) {
            i.startType = "Automatic";
            run.change("set MSiSCSI to start automatically");
        }
        if (!"Running".equals(i.serviceStatus)) {
            i.serviceStatus = "Running";
            run.change("started MSiSCSI");
        }
    }

    /** Set-HvcMsdsm: a claim set while no iSCSI LUN is present applies to every LUN that arrives later. */
    static void msdsm(StepRun run, ConnectStorageStep.Params p) throws StepFailure {
        IscsiInitiator i = run.host.iscsi;
        if (!run.host.featureInstalled(MULTIPATH_IO) && !"InstallPending".equals(run.host.featureState(MULTIPATH_IO))) {
            throw new StepFailure("The term 'Get-MSDSMAutomaticClaimSettings' is not recognized as the name of a cmdlet, function, "
                    + "script file, or operable program.");
        }
        if (!i.msdsmIscsiClaim) {
            i.msdsmIscsiClaim = true;
            if (i.sessions.isEmpty() && run.host.featureInstalled(MULTIPATH_IO)) {
                i.claimActive = true;
            }
            run.change("the Microsoft DSM now claims iSCSI LUNs");
        }
        if (!p.loadBalancePolicy().equals(i.loadBalancePolicy)) {
            i.loadBalancePolicy = p.loadBalancePolicy();
            run.change("set the MSDSM default load-balance policy to " + p.loadBalancePolicy());
        }
    }

    /** Connect-HvcIscsiPaths, then Test-HvcLuns. */
    static void connect(StepRun run, ConnectStorageStep.Params p) throws StepFailure {
        WindowsHost host = run.host;
        IscsiSan san = run.dc.san;
        Secret chapSecret = run.secrets.get(ConnectStorageStep.CHAP_SECRET);
        if (!p.chapUsername().isEmpty() && chapSecret == null) {
            throw new StepFailure("the CHAP secret was not supplied: set " + p.chapSecretVariable()
                    + " where hvcluster runs (a script run by hand needs $HvcSecrets = @{ IscsiChapSecret = ... })");
        }
        for (ConnectStorageStep.IscsiPath path : p.paths()) {
            boolean known = host.iscsi.portals.stream().anyMatch(x -> x.address.equals(path.portalAddress()));
            if (!known) {
                if (san.refusingPortals.contains(path.portalAddress()) || san.offeredBy(path.portalAddress()).isEmpty()) {
                    throw new StepFailure("portal " + path.portalAddress() + " did not answer " + host.name + " from '" + path.adapter()
                            + "' (" + path.initiatorAddress() + "): The target portal could not be reached. (connection refused); check "
                            + "that the array listens on TCP 3260 on that address and that the iSCSI network reaches it "
                            + "(Test-NetConnection " + path.portalAddress() + " -Port 3260)");
                }
                IscsiInitiator.Portal portal = new IscsiInitiator.Portal();
                portal.address = path.portalAddress();
                portal.initiatorAddress = path.initiatorAddress();
                host.iscsi.portals.add(portal);
                run.change("added iSCSI target portal " + path.portalAddress() + " from '" + path.adapter() + "'");
            }
            List<IscsiSan.Target> targets = san.offeredBy(path.portalAddress()).stream()
                    .filter(t -> path.target().isEmpty() || t.iqn.equalsIgnoreCase(path.target())).toList();
            if (targets.isEmpty()) {
                String what = path.target().isEmpty() ? "any target" : "target " + path.target();
                throw new StepFailure("portal " + path.portalAddress() + " offers " + what + " to no one on " + host.name
                        + " (initiator " + initiatorName(host) + "): check the IQN in the inventory and the array's access list for this initiator");
            }
            for (IscsiSan.Target t : targets) {
                Optional<IscsiInitiator.Session> have = host.iscsi.sessions.stream().filter(s -> s.target.equalsIgnoreCase(t.iqn)
                        && s.initiatorAddress.equals(path.initiatorAddress()) && s.portalAddress.equals(path.portalAddress())).findFirst();
                if (have.isPresent()) {
                    if (!have.get().persistent) {
                        have.get().persistent = true;
                        run.change("made the session to " + t.iqn + " via " + path.portalAddress() + " persistent");
                    }
                    continue;
                }
                if (!san.chapAccepts(p.chapUsername().isEmpty() ? null : p.chapUsername(), chapSecret)) {
                    throw new StepFailure("target " + t.iqn + " on portal " + path.portalAddress() + " from '" + path.adapter() + "' ("
                            + path.initiatorAddress() + ") on " + host.name + " refused the CHAP logon (Authentication Failure.): the "
                            + "secret in " + p.chapSecretVariable() + " or the user '" + p.chapUsername() + "' does not match the array's; "
                            + "fix it and run again");
                }
                IscsiInitiator.Session s = new IscsiInitiator.Session();
                s.target = t.iqn;
                s.initiatorAddress = path.initiatorAddress();
                s.portalAddress = path.portalAddress();
                s.persistent = true;
                host.iscsi.sessions.add(s);
                run.change("logged on to " + t.iqn + " " + path.initiatorAddress() + " -> " + path.portalAddress());
            }
        }
        luns(run, p);
    }

    /** Test-HvcLuns. */
    private static void luns(StepRun run, ConnectStorageStep.Params p) throws StepFailure {
        WindowsHost host = run.host;
        List<SimDisk> visible = run.dc.disksVisibleTo(host.name);
        for (IscsiInitiator.Session s : host.iscsi.sessions) {
            boolean carries = visible.stream().anyMatch(d -> s.target.equalsIgnoreCase(d.iscsiTarget));
            if (!carries) {
                throw new StepFailure("target " + s.target + " on portal " + s.portalAddress + " presents no LUNs to " + host.name
                        + ": map the LUNs to initiator " + initiatorName(host) + " on the array");
            }
        }
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ConnectStorageStep.Lun lun : p.luns()) {
            DiskIdentity id = new DiskIdentity(lun.serial(), lun.uniqueId());
            List<SimDisk> found = visible.stream().filter(d -> id.matches(d.serial, d.uniqueId)).toList();
            String name = "LUN '" + lun.label() + "' (serial '" + lun.serial() + "')";
            if (found.isEmpty()) {
                throw new StepFailure(name + " is not presented to " + host.name + " over its iSCSI sessions: map it to initiator "
                        + initiatorName(host) + " on the array");
            }
            if (found.size() > 1) {
                throw new StepFailure(name + " appears " + found.size() + " times on " + host.name + ": Multipath-IO does not claim it "
                        + "(one disk per path); with storage.mpio off give the host one path, else restart it so the Microsoft DSM claims the LUN");
            }
            long size = found.get(0).sizeBytes;
            if (lun.sizeBytes() > 0 && Math.abs(size - lun.sizeBytes()) > lun.sizeBytes() / 100) {
                throw new StepFailure(name + " is " + size + " bytes on " + host.name + ", the inventory says " + lun.sizeBytes()
                        + ": the array presents another LUN under this serial, or the inventory's size is wrong");
            }
            String target = found.get(0).iscsiTarget;
            paths.put(lun.label(), target == null ? 0 : host.iscsi.pathsTo(target));
        }
        run.data.put("lunPaths", paths);
    }

    /** Get-InitiatorPort's iSCSI NodeAddress: Windows' default initiator name. */
    static String initiatorName(WindowsHost host) {
        String domain = host.domain == null ? "" : "." + host.domain.toLowerCase(java.util.Locale.ROOT);
        return "iqn.1991-05.com.microsoft:" + host.name.toLowerCase(java.util.Locale.ROOT) + domain;
    }
}
