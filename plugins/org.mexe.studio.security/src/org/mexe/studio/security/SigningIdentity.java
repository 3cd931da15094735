package org.mexe.studio.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate chain, signer first: what signs artefacts. */
public record SigningIdentity(String origin, PrivateKey key, List<X509Certificate> chain) {

    public SigningIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + origin + ", " + certificate().getSubjectX500Principal().getName() + "]";
    }
}
