package io.hvcluster.inventory.load;

import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.inventory.SecondHop;

/** {@code connection:} as read; defaults are applied later, when the model is built. */
record ConnectionDocument(
        Anchor at,
        Located<Long> port,
        Located<Boolean> https,
        Located<AuthMethod> auth,
        Located<String> username,
        Located<PasswordSource> password,
        Located<Boolean> skipCertificateCheck,
        Located<Long> connectTimeoutSeconds,
        Located<Long> operationTimeoutSeconds,
        Located<Boolean> allowPasswordOverHttp,
        Located<SecondHop> secondHop) {
}
