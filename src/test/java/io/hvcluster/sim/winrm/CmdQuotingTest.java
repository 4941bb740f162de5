package io.hvcluster.sim.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CmdQuotingTest {

    @Test
    void stripsOverThereOuterQuotesLikeCmdSlashC() {
        // generated/overthere-5.3.2-run/02-Command.request.xml
        assertThat(CmdQuoting.stripOuterQuotes("\"powershell -NoProfile -Command \"Write-Output 'a b'; exit 1\"\""))
                .isEqualTo("powershell -NoProfile -Command \"Write-Output 'a b'; exit 1\"");
        assertThat(CmdQuoting.stripOuterQuotes("\"hostname\"")).isEqualTo("hostname");
    }

    @Test
    void keepsQuotesAroundASingleExecutablePathWithSpaces() {
        assertThat(CmdQuoting.stripOuterQuotes("\"C:\\Program Files\\tool.exe\""))
                .isEqualTo("\"C:\\Program Files\\tool.exe\"");
    }

    @Test
    void leavesUnquotedLinesAlone() {
        assertThat(CmdQuoting.stripOuterQuotes("echo \"a\"")).isEqualTo("echo \"a\"");
    }

    @Test
    void chainsAtUnquotedOperatorsAndKeepsRedirections() {
        assertThat(CmdQuoting.chain("echo out && echo err>&2 && exit 1")).containsExactly(
                new CmdQuoting.Link(null, "echo out "), new CmdQuoting.Link("&&", " echo err>&2 "),
                new CmdQuoting.Link("&&", " exit 1"));
        assertThat(CmdQuoting.chain("CD /D C:\\x & a || b")).containsExactly(new CmdQuoting.Link(null, "CD /D C:\\x "),
                new CmdQuoting.Link("&", " a "), new CmdQuoting.Link("||", " b"));
        assertThat(CmdQuoting.chain("echo \"a & b\" ^& c")).containsExactly(new CmdQuoting.Link(null, "echo \"a & b\" & c"));
    }

    @Test
    void splitsArgumentsLikeCommandLineToArgvW() {
        assertThat(CmdQuoting.arguments(" -Command \"Write-Output 'a b'; exit 1\" x\\\"y "))
                .isEqualTo(List.of("-Command", "Write-Output 'a b'; exit 1", "x\"y"));
    }
}
