package io.hvcluster.windows;

/**
 * {@code Add-MpPreference -ExclusionPath|-ExclusionExtension|-ExclusionProcess <value>}: one more Microsoft Defender
 * exclusion, kept as given (an extension with or without its dot).
 *
 * @param kind  which list
 * @param value the folder, extension or process
 */
public record AddMpPreference(Exclusion kind, String value) implements WindowsOp {

    /** Defender's three exclusion lists, by the parameter that adds to each. */
    public enum Exclusion {
        PATH("ExclusionPath"), EXTENSION("ExclusionExtension"), PROCESS("ExclusionProcess");

        private final String parameter;

        Exclusion(String parameter) {
            this.parameter = parameter;
        }

        /** The Add-MpPreference parameter (and Get-MpPreference property). */
        public String parameter() {
            return parameter;
        }
    }
}
