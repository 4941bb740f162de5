package io.hvcluster.cli;

import java.util.regex.Pattern;

/**
 * Masks the credentials in HTTP authentication headers, as Apache HttpClient's header log prints them with -vv
 * ("http-outgoing-0 >> Authorization: Basic dXNlcjpwYXNz"): a Basic header is the password in base64, and a
 * Negotiate or NTLM token is a credential too. The scheme stays, so the log still shows how the logon went.
 */
final class CredentialHeaderMask {

    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b((?:Proxy-)?Authorization|(?:WWW|Proxy)-Authenticate)(\\s*:\\s*)([A-Za-z0-9_-]+)([ \\t]+)[^\\s,]+");

    private CredentialHeaderMask() {
    }

    static String mask(String line) {
        if (line == null || !HEADER.matcher(line).find()) {
            return line;
        }
        return HEADER.matcher(line).replaceAll("$1$2$3$4****");
    }
}
