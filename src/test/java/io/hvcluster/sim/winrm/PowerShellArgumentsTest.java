package io.hvcluster.sim.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PowerShellArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"-EncodedCommand", "-encodedcommand", "-enc", "-e", "-ec", "-ENCODEDC", "/EncodedCommand"})
    void encodedCommandIsFoundUnderEveryAcceptedSpelling(String parameter) {
        PowerShellArguments a = PowerShellArguments.parse(" -NoProfile -NonInteractive -ExecutionPolicy Bypass"
                + " -InputFormat None " + parameter + " " + BootstrapCommand.encoded("Get-Date"));

        assertThat(a.source()).isEqualTo(PowerShellArguments.Source.ENCODED);
        assertThat(a.script()).isEqualTo("Get-Date");
    }

    @Test
    void executionPolicyAbbreviationTakesItsValue() {
        PowerShellArguments a = PowerShellArguments.parse("-ex Bypass -ep Unrestricted -nop -noni -enc "
                + BootstrapCommand.encoded("x"));

        assertThat(a.script()).isEqualTo("x");
    }

    @Test
    void commandAndBareTextAreScripts() {
        assertThat(PowerShellArguments.parse("-NoProfile -Command \"Write-Output 'a b'; exit 1\"").script())
                .isEqualTo("Write-Output 'a b'; exit 1");
        assertThat(PowerShellArguments.parse("Write-Host hi").script()).isEqualTo("Write-Host hi");
        assertThat(PowerShellArguments.parse("-Command -").source()).isEqualTo(PowerShellArguments.Source.STDIN);
    }

    @Test
    void invalidBase64IsReported() {
        assertThat(PowerShellArguments.parse("-EncodedCommand ***").error()).hasValueSatisfying(
                m -> assertThat(m).contains("not properly encoded"));
    }
}
