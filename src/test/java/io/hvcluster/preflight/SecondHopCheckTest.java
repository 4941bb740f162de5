package io.hvcluster.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.PreflightFacts.Hop;
import io.hvcluster.inventory.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondHopCheckTest {

    private static List<Finding> run(Hop... hops) {
        Scenario s = Scenario.fresh();
        s.hops = List.of(hops);
        return s.run(new SecondHopCheck());
    }

    @Test
    void passesWhenEveryPathWorks() {
        assertThat(run(new Hop("HV02", "wmiDcom", true, ""), new Hop("corp.example.com", "ldap", true, ""))).isEmpty();
    }

    @Test
    void eachFailingPathIsAnErrorNamingTheNodeThePathAndTheFix() {
        List<Finding> f = run(new Hop("HV02", "wmiDcom", false, "The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)"),
                new Hop("HV03", "remoteRegistry", false, "You do not have administrative privileges on the server 'HV03'. "
                        + "Requested registry access is not allowed."),
                new Hop("corp.example.com", "ldap", false, "The user name or password is incorrect."));
        assertThat(f).extracting(Finding::host).containsExactly("HV02", "HV03", Finding.CLUSTER);
        assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        assertThat(f.get(0).found()).isEqualTo("HV01 -> HV02: WMI over DCOM failed under secondHop 'delegation': The RPC server is unavailable. "
                + "(Exception from HRESULT: 0x800706BA)");
        assertThat(f.get(0).fix()).startsWith("open the firewall rule group 'Windows Management Instrumentation (WMI)'").endsWith("(docs/second-hop.md)");
        assertThat(f.get(1).fix()).startsWith("the WinRM logon holds no delegated ticket");
        assertThat(f.get(2).fix()).startsWith("the password of hvadmin@CORP.EXAMPLE.COM is wrong");
    }

    @Test
    void aFailedMechanismIsOneFinding() {
        List<Finding> f = run(new Hop("HV02", "mechanism", false, "second hop (task): the task ran as CORP\\hvadmin but left no result "
                + "(last result 2147943785: Logon failure: the user has not been granted the requested logon type at this computer)"),
                new Hop("corp.example.com", "mechanism", false, "same"));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).host()).isEqualTo(Finding.CLUSTER);
        assertThat(f.get(0).fix()).startsWith("grant hvadmin@CORP.EXAMPLE.COM 'Log on as a batch job'");
    }

    @Test
    void dcomUnderImpersonationPointsToAnotherMechanism() {
        String fix = SecondHopCheck.fix(new Hop("HV02", "wmiDcom", false, "Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))"),
                "impersonation", "hvadmin@CORP.EXAMPLE.COM");
        assertThat(fix).contains("DCOM does not follow LogonUser impersonation", "secondHop: task");
    }
}
