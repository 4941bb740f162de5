package io.hvcluster.sim.host;

import io.hvcluster.facts.WindowsFeature;
import io.hvcluster.secrets.Secret;
import io.hvcluster.windows.ConnectIscsiTarget;
import io.hvcluster.windows.EnableMSDSMAutomaticClaim;
import io.hvcluster.windows.IscsiChap;
import io.hvcluster.windows.NewIscsiTargetPortal;
import io.hvcluster.windows.RegisterIscsiSession;
import io.hvcluster.windows.SetMSDSMGlobalDefaultLoadBalancePolicy;
import io.hvcluster.windows.SetService;
import io.hvcluster.windows.StartService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The iSCSI initiator, the Microsoft DSM and the MSiSCSI service on the model (docs/windows-behaviour.md, "Shared
 * storage"): a portal the array does not answer on fails New-IscsiTargetPortal; a portal that offers no target to
 * this initiator leaves nothing to log on to; the array checks the CHAP secret, which the model reads from
 * {@code $HvcSecrets} by name ({@link StepRun#secrets}) and never reports; the MPIO module's cmdlets exist only once
 * Multipath-IO is installed (or pending its restart). The error texts are the ones the template's catch blocks
 * (templates/_lib/iscsi.ps1.vm) wrap Windows' message in. Which portal, session or policy is the step's plan's.
 */
final class IscsiCmdlets {

    static final String MSISCSI = "MSiSCSI";
    private static final String MULTIPATH_IO = WindowsFeature.MULTIPATH_IO.windowsName();

    private IscsiCmdlets() {
    }

    private static IscsiInitiator service(StepRun run, String name) throws StepFailure {
        if (!name.equalsIgnoreCase(MSISCSI)) {
            throw new StepFailure("Cannot find any service with service name '" + name + "'.");
        }
        return run.host.iscsi;
    }

    /** Set-Service -StartupType. */
    static void setService(StepRun run, SetService op) throws StepFailure {
        service(run, op.name()).startType = op.startupType();
        run.change(op.startupType().equals("Automatic") ? "set MSiSCSI to start automatically" : "set MSiSCSI to start " + op.startupType());
    }

    /** Start-Service. */
    static void startService(StepRun run, StartService op) throws StepFailure {
        service(run, op.name()).serviceStatus = "Running";
        run.change("started MSiSCSI");
    }

    /** The MPIO module comes with Multipath-IO: without it its cmdlets are unknown. */
    private static void requireMpioModule(StepRun run, String cmdlet) throws StepFailure {
        if (!run.host.featureInstalled(MULTIPATH_IO) && !"InstallPending".equals(run.host.featureState(MULTIPATH_IO))) {
            throw new StepFailure("The term '" + cmdlet + "' is not recognized as the name of a cmdlet, function, "
                    + "script file, or operable program.");
        }
    }

    /** Enable-MSDSMAutomaticClaim: a claim set while no iSCSI LUN is present applies to every LUN that arrives later. */
    static void enableMsdsmAutomaticClaim(StepRun run, EnableMSDSMAutomaticClaim op) throws StepFailure {
        requireMpioModule(run, "Enable-MSDSMAutomaticClaim");
        IscsiInitiator i = run.host.iscsi;
        i.msdsmIscsiClaim = true;
        if (i.sessions.isEmpty() && run.host.featureInstalled(MULTIPATH_IO)) {
            i.claimActive = true;
        }
        run.change("the Microsoft DSM now claims " + op.busType() + " LUNs");
    }

    /** Set-MSDSMGlobalDefaultLoadBalancePolicy. */
    static void setMsdsmGlobalDefaultLoadBalancePolicy(StepRun run, SetMSDSMGlobalDefaultLoadBalancePolicy op) throws StepFailure {
        requireMpioModule(run, "Set-MSDSMGlobalDefaultLoadBalancePolicy");
        run.host.iscsi.loadBalancePolicy = op.policy();
        run.change("set the MSDSM default load-balance policy to " + op.policy());
    }

    /** New-IscsiTargetPortal: the array must answer on TCP 3260 at that address. */
    static void newIscsiTargetPortal(StepRun run, NewIscsiTargetPortal op) throws StepFailure {
        IscsiSan san = run.dc.san;
        String adapter = adapterWith(run, op.initiatorPortalAddress());
        if (san.refusingPortals.contains(op.targetPortalAddress()) || san.offeredBy(op.targetPortalAddress()).isEmpty()) {
            throw new StepFailure("portal " + op.targetPortalAddress() + " did not answer " + run.host.name + " from '" + adapter
                    + "' (" + op.initiatorPortalAddress() + "): The target portal could not be reached. (connection refused); check "
                    + "that the array listens on TCP 3260 on that address and that the iSCSI network reaches it "
                    + "(Test-NetConnection " + op.targetPortalAddress() + " -Port 3260)");
        }
        IscsiInitiator.Portal portal = new IscsiInitiator.Portal();
        portal.address = op.targetPortalAddress();
        portal.initiatorAddress = op.initiatorPortalAddress();
        run.host.iscsi.portals.add(portal);
        run.change("added iSCSI target portal " + op.targetPortalAddress() + " from '" + adapter + "'");
    }

    /** Connect-IscsiTarget for the target (or every target the portal offers), once per path not yet logged on. */
    static void connectIscsiTarget(StepRun run, ConnectIscsiTarget op) throws StepFailure {
        Optional<Secret> secret = secret(run, op.chap());
        String adapter = adapterWith(run, op.initiatorPortalAddress());
        for (IscsiSan.Target t : offered(run, op.nodeAddress(), op.targetPortalAddress())) {
            if (!sessions(run, t.iqn, op.targetPortalAddress(), op.initiatorPortalAddress()).isEmpty()) {
                continue;
            }
            if (!run.dc.san.chapAccepts(op.chap() == null ? null : op.chap().username(), secret.orElse(null))) {
                throw new StepFailure("target " + t.iqn + " on portal " + op.targetPortalAddress() + " from '" + adapter + "' ("
                        + op.initiatorPortalAddress() + ") on " + run.host.name + " refused the CHAP logon (Authentication Failure.): the "
                        + "secret in " + (op.chap() == null ? "" : op.chap().secretVariable()) + " or the user '"
                        + (op.chap() == null ? "" : op.chap().username()) + "' does not match the array's; fix it and run again");
            }
            IscsiInitiator.Session s = new IscsiInitiator.Session();
            s.target = t.iqn;
            s.initiatorAddress = op.initiatorPortalAddress();
            s.portalAddress = op.targetPortalAddress();
            s.persistent = op.isPersistent();
            run.host.iscsi.sessions.add(s);
            run.change("logged on to " + t.iqn + " " + op.initiatorPortalAddress() + " -> " + op.targetPortalAddress());
        }
    }

    /** Register-IscsiSession: the path's sessions become persistent. */
    static void registerIscsiSession(StepRun run, RegisterIscsiSession op) throws StepFailure {
        secret(run, op.chap());
        for (IscsiSan.Target t : offered(run, op.nodeAddress(), op.targetPortalAddress())) {
            for (IscsiInitiator.Session s : sessions(run, t.iqn, op.targetPortalAddress(), op.initiatorPortalAddress())) {
                if (!s.persistent) {
                    s.persistent = true;
                    run.change("made the session to " + t.iqn + " via " + op.targetPortalAddress() + " persistent");
                }
            }
        }
    }

    /** Get-HvcChapSecret: the value delivered under the secret's name, which a CHAP logon cannot do without. */
    private static Optional<Secret> secret(StepRun run, IscsiChap chap) throws StepFailure {
        if (chap == null) {
            return Optional.empty();
        }
        Secret s = run.secrets.get(chap.secretName());
        if (s == null) {
            throw new StepFailure("the CHAP secret was not supplied: set " + chap.secretVariable()
                    + " where hvcluster runs (a script run by hand needs $HvcSecrets = @{ " + chap.secretName() + " = ... })");
        }
        return Optional.of(s);
    }

    /** Get-IscsiTarget through the portal, filtered to the IQN when one is given; none is an error the template throws. */
    private static List<IscsiSan.Target> offered(StepRun run, String iqn, String portal) throws StepFailure {
        List<IscsiSan.Target> targets = run.dc.san.offeredBy(portal).stream()
                .filter(t -> iqn.isEmpty() || t.iqn.equalsIgnoreCase(iqn)).toList();
        if (targets.isEmpty()) {
            String what = iqn.isEmpty() ? "any target" : "target " + iqn;
            throw new StepFailure("portal " + portal + " offers " + what + " to no one on " + run.host.name
                    + " (initiator " + initiatorName(run.host) + "): check the IQN in the inventory and the array's access list for this initiator");
        }
        return targets;
    }

    private static List<IscsiInitiator.Session> sessions(StepRun run, String iqn, String portal, String initiator) {
        return run.host.iscsi.sessions.stream().filter(s -> s.target.equalsIgnoreCase(iqn)
                && s.initiatorAddress.equals(initiator) && s.portalAddress.equals(portal)).toList();
    }

    /** The adapter that holds the initiator address, as the template's messages name it. */
    private static String adapterWith(StepRun run, String address) {
        return run.host.adapters.stream().filter(a -> a.ipv4.stream().anyMatch(ip -> ip.address.equals(address)))
                .map(a -> a.name).findFirst().orElse(address);
    }

    /** Get-InitiatorPort's iSCSI NodeAddress: Windows' default initiator name. */
    static String initiatorName(WindowsHost host) {
        String domain = host.domain == null ? "" : "." + host.domain.toLowerCase(Locale.ROOT);
        return "iqn.1991-05.com.microsoft:" + host.name.toLowerCase(Locale.ROOT) + domain;
    }
}
