package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.secrets.Secret;
import io.hvcluster.facts.Delegation;
import io.hvcluster.testing.InventoryFixtures;
import org.junit.jupiter.api.Test;

/** The domain password reaches the hosts only for the second-hop mechanisms that use it there (docs/second-hop.md). */
class DomainSecretsTest {

    static Inventory with(SecondHop hop) {
        Inventory i = InventoryFixtures.fourNodes();
        Connection c = i.connection();
        return new Inventory(i.source(), i.cluster(), i.networks(), i.hosts(), new Connection(c.port(), c.https(), c.auth(), c.username(),
                c.password(), c.skipCertificateCheck(), c.connectTimeout(), c.operationTimeout(), hop), i.capacity());
    }

    @Test
    void delegationSendsNoPasswordToTheHosts() {
        Secret p = Secret.of("Corr3ct-Horse");
        assertThat(TargetOptions.domainSecrets(with(SecondHop.AUTO), p)).as("auto with Kerberos is delegation").isEmpty();
        assertThat(TargetOptions.domainSecrets(with(SecondHop.DELEGATION), p)).isEmpty();
        assertThat(TargetOptions.domainSecrets(with(SecondHop.TASK), p)).containsEntry(Delegation.PASSWORD_SECRET, p);
        assertThat(TargetOptions.domainSecrets(with(SecondHop.IMPERSONATION), p)).containsEntry(Delegation.PASSWORD_SECRET, p);
    }
}
