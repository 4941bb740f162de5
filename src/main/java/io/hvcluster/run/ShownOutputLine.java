package io.hvcluster.run;

/**
 * A line of live script output as the console and the journal show it. A result line can carry a validation
 * report (a megabyte of base64): shown whole it would flood the console and the journal, so a very long line is
 * cut, saying how long it was. The script's output file in the run folder keeps every line whole.
 */
final class ShownOutputLine {

    /** Longer than any line a person reads; far shorter than a report. */
    static final int LIMIT = 4000;

    private ShownOutputLine() {
    }

    static String of(String line) {
        if (line.length() <= LIMIT) {
            return line;
        }
        return line.substring(0, LIMIT) + "… (" + line.length() + " characters; the whole line is in the script's output file)";
    }
}
