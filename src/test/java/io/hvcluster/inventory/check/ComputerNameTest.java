package io.hvcluster.inventory.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComputerNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"HV01", "hvcl-01", "A", "ABCDEFGHIJKLMNO", "2019A", "X-1"})
    void acceptsNetbiosNames(String name) {
        assertThat(ComputerName.problemWith(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HV\\01|'HV\\01' contains '\\'; a computer name allows only letters, digits and hyphens",
        "HV/01|'HV/01' contains '/'; a computer name allows only letters, digits and hyphens",
        "HV:01|'HV:01' contains ':'; a computer name allows only letters, digits and hyphens",
        "HV*01|'HV*01' contains '*'; a computer name allows only letters, digits and hyphens",
        "HV?01|'HV?01' contains '?'; a computer name allows only letters, digits and hyphens",
        "HV~01|'HV~01' contains '~'; a computer name allows only letters, digits and hyphens",
        "HV!01|'HV!01' contains '!'; a computer name allows only letters, digits and hyphens",
        "HV@01|'HV@01' contains '@'; a computer name allows only letters, digits and hyphens",
        "HV#01|'HV#01' contains '#'; a computer name allows only letters, digits and hyphens",
        "HV$01|'HV$01' contains '$'; a computer name allows only letters, digits and hyphens",
        "HV%01|'HV%01' contains '%'; a computer name allows only letters, digits and hyphens",
        "HV^01|'HV^01' contains '^'; a computer name allows only letters, digits and hyphens",
        "HV&01|'HV&01' contains '&'; a computer name allows only letters, digits and hyphens",
        "HV(01|'HV(01' contains '('; a computer name allows only letters, digits and hyphens",
        "HV{01|'HV{01' contains '{'; a computer name allows only letters, digits and hyphens",
        "HV_01|'HV_01' contains '_'; a computer name allows only letters, digits and hyphens",
        "HV<01|'HV<01' contains '<'; a computer name allows only letters, digits and hyphens",
        "HV\"01|'HV\"01' contains '\"'; a computer name allows only letters, digits and hyphens",
        "HVÄ01|'HVÄ01' contains 'Ä'; a computer name allows only letters, digits and hyphens",
        "12345|'12345' is all digits; Windows refuses a computer name made only of digits",
        "-HV01|'-HV01' starts or ends with a hyphen, which DNS refuses",
        "HV01-|'HV01-' starts or ends with a hyphen, which DNS refuses",
        "ABCDEFGHIJKLMNOP|'ABCDEFGHIJKLMNOP' has 16 characters; a computer name has at most 15 (NetBIOS limit)",
        "Domain|'Domain' is a reserved word in Windows and cannot be a computer name"})
    void refusesWithTheReason(String name, String message) {
        assertThat(ComputerName.problemWith(name)).contains(message);
    }
}
