package io.hvcluster.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * A pattern layout whose lines go through {@link CredentialHeaderMask}: with -vv the HTTP headers reach the console
 * and the run log, and an Authorization header must not carry the password with them. A run of base64 longer than
 * {@link #LONGEST} characters (OverThere logs the whole encoded bootstrap command line) is cut to its start and
 * its length, so -vv stays readable.
 */
final class MaskingLayout extends LayoutBase<ILoggingEvent> {

    static final int LONGEST = 120;
    private static final java.util.regex.Pattern LONG_BASE64 = java.util.regex.Pattern.compile("[A-Za-z0-9+/]{" + LONGEST + ",}={0,2}");

    private final PatternLayout pattern = new PatternLayout();

    MaskingLayout(String pattern) {
        this.pattern.setPattern(pattern);
    }

    @Override
    public void start() {
        pattern.setContext(getContext());
        pattern.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return shortened(CredentialHeaderMask.mask(pattern.doLayout(event)));
    }

    static String shortened(String line) {
        return LONG_BASE64.matcher(line).replaceAll(m -> m.group().substring(0, 40) + "...(" + m.group().length() + " characters)");
    }
}
