package io.hvcluster.exec.winrm;

import io.hvcluster.secrets.SecretMasker;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of an OverThere exception chain that is safe to log or print with -v. It keeps each exception's
 * class name, the first line of its message (secrets masked) and its stack trace. Why not the original:
 * {@code WinRmRuntimeIOException.getMessage()} appends the whole SOAP request, and for a Send that request
 * is the base64 stdin payload, which carries the script's secrets.
 */
final class SanitizedCause extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private SanitizedCause(String message, SanitizedCause cause) {
        super(message, cause, false, true);
    }

    static SanitizedCause of(Throwable original, SecretMasker masker) {
        return copy(original, masker, new IdentityHashMap<>());
    }

    private static SanitizedCause copy(Throwable t, SecretMasker masker, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return null;
        }
        SanitizedCause next = copy(t.getCause(), masker, seen);
        SanitizedCause c = new SanitizedCause(t.getClass().getName() + ": " + masker.mask(firstLine(t)), next);
        c.setStackTrace(t.getStackTrace());
        return c;
    }

    /**
     * The first line of a throwable's message. For OverThere's WinRmRuntimeIOException that is the part
     * before "Request:", so the SOAP documents never get near a message.
     */
    static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
