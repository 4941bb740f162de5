package io.hvcluster.preflight;

import static io.hvcluster.testing.FactsFixtures.withSystem;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.Answer;
import io.hvcluster.inventory.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainChecksTest {

    static final String OU = "OU=Hyper-V,DC=corp,DC=example,DC=com";

    static HostFacts joined(HostFacts f, boolean partOfDomain, String domain) {
        HostFacts.SystemInfo s = f.system();
        return withSystem(f, new HostFacts.SystemInfo(s.manufacturer(), s.model(), partOfDomain, domain, s.totalMemoryBytes()));
    }

    static PreflightFacts.Directory directory(Answer dns, List<String> addresses, Answer object, boolean enabled, Answer create, String message) {
        return new PreflightFacts.Directory("CORP\\hvadmin", dns, addresses, dns == Answer.unknown ? "No such host is known (timeout)" : "",
                object, enabled, object == Answer.yes ? "CN=HVCL01," + OU : "", OU, create, message);
    }

    @Test
    void domainMembershipTripsOnAWorkgroupHostAndOnAnotherDomain() {
        Scenario s = Scenario.fresh().host("HV01", h -> joined(h, false, "WORKGROUP")).host("HV03", h -> joined(h, true, "lab.example.com"));
        List<Finding> f = s.run(new DomainMembershipCheck());
        assertThat(f).extracting(Finding::host, Finding::found).containsExactly(
                org.assertj.core.groups.Tuple.tuple("HV01", "in workgroup WORKGROUP"),
                org.assertj.core.groups.Tuple.tuple("HV03", "joined to lab.example.com"));
        assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        assertThat(f.get(0).fix()).contains("Add-Computer -DomainName corp.example.com");
    }

    @Test
    void domainMembershipPassesRegardlessOfCase() {
        assertThat(Scenario.fresh().host("HV02", h -> joined(h, true, "CORP.EXAMPLE.COM")).run(new DomainMembershipCheck())).isEmpty();
    }

    @Test
    void clusterNameTripsOnADnsRecordAndOnAnEnabledComputerAccount() {
        Scenario s = Scenario.fresh();
        s.directory = directory(Answer.yes, List.of("10.0.0.99"), Answer.yes, true, Answer.yes, "");
        List<Finding> f = s.run(new ClusterNameCheck());
        assertThat(f).extracting(Finding::found).containsExactly("HVCL01.corp.example.com already resolves to 10.0.0.99",
                "an enabled computer account HVCL01 already exists (CN=HVCL01," + OU + ")");
        assertThat(f).allSatisfy(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.host()).isEqualTo(Finding.CLUSTER);
            assertThat(x.fix()).startsWith("choose another cluster.name");
        });
    }

    @Test
    void clusterNameWarnsWhenItCannotTellAndSaysHowToCheckByHand() {
        Scenario s = Scenario.fresh();
        s.directory = directory(Answer.unknown, List.of(), Answer.unknown, false, Answer.unknown, "The server is not operational.");
        List<Finding> f = s.run(new ClusterNameCheck());
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(f).extracting(Finding::fix).anySatisfy(x -> assertThat(x).contains("Resolve-DnsName HVCL01.corp.example.com"))
                .anySatisfy(x -> assertThat(x).contains("dsquery computer -name HVCL01"));
        assertThat(f.get(1).found()).endsWith("could not be checked: The server is not operational.");
    }

    @Test
    void clusterNameWarnsWhenTheFirstNodeGaveNoAnswers() {
        Scenario s = Scenario.fresh();
        s.probeFailures.put("HV01", "HV01: the preflight probe failed: boom");
        assertThat(s.run(new ClusterNameCheck())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.found()).contains("could not be checked", "HV01");
        });
    }

    @Test
    void clusterNamePassesWhenFreeOrPrestagedOrAlreadyOurs() {
        assertThat(Scenario.fresh().run(new ClusterNameCheck())).isEmpty();
        Scenario prestaged = Scenario.fresh();
        prestaged.directory = directory(Answer.no, List.of(), Answer.yes, false, Answer.no, "");
        assertThat(prestaged.run(new ClusterNameCheck())).isEmpty();
        // After the build the name resolves and the CNO is enabled: that is the cluster itself.
        assertThat(Scenario.converged().run(new ClusterNameCheck())).isEmpty();
    }

    @Test
    void permissionTripsWhenTheAccountMayNotCreateComputerObjects() {
        Scenario s = Scenario.fresh();
        s.directory = directory(Answer.no, List.of(), Answer.no, false, Answer.no, "");
        assertThat(s.run(new ComputerObjectPermissionCheck())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.found()).isEqualTo("CORP\\hvadmin may not create computer objects in " + OU);
            assertThat(x.fix()).contains("grant CORP\\hvadmin 'Create Computer objects' on " + OU, "prestage", "disabled computer account HVCL01");
        });
    }

    @Test
    void permissionWarnsWhenTheAclCannotBeRead() {
        Scenario s = Scenario.fresh();
        s.directory = directory(Answer.no, List.of(), Answer.no, false, Answer.unknown, "Access is denied.");
        assertThat(s.run(new ComputerObjectPermissionCheck())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.found()).endsWith("could not be checked: Access is denied.");
            assertThat(x.fix()).startsWith("check by hand: Active Directory Users and Computers");
        });
    }

    @Test
    void permissionPassesWhenGrantedOrPrestagedOrTheClusterExists() {
        assertThat(Scenario.fresh().run(new ComputerObjectPermissionCheck())).isEmpty();
        Scenario prestaged = Scenario.fresh();
        prestaged.directory = directory(Answer.no, List.of(), Answer.yes, false, Answer.no, "");
        assertThat(prestaged.run(new ComputerObjectPermissionCheck())).isEmpty();
        assertThat(Scenario.converged().run(new ComputerObjectPermissionCheck())).isEmpty();
    }
}
