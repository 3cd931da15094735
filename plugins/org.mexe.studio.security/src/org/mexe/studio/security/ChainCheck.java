package org.mexe.studio.security;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The outcome of checking a code signer against a security domain's roots: either the path that
 * makes it trusted, or the first problem found, with the certificate it concerns. A result, not
 * an exception, so that a validator can turn each kind into its own issue.
 */
public sealed interface ChainCheck {

    /** What can be wrong with a code signer's chain, in the order the checks run. */
    enum Problem {
        /** The chain does not lead to one of the roots. */
        BROKEN_CHAIN,
        /** A certificate of the chain, or the root, has expired. */
        EXPIRED,
        /** A certificate of the chain, or the root, is not valid yet. */
        NOT_YET_VALID,
        /** The signer's key usage or extended key usage does not allow code signing. */
        NOT_FOR_CODE_SIGNING,
        /** An issuer of the chain is not a CA (basic constraints, key usage, path length). */
        NOT_A_CA,
        /** A certificate of the chain is on a revocation list of its issuer. */
        REVOKED,
        /** PKIX refused the path for another reason, such as an unknown critical extension. */
        INVALID
    }

    boolean trusted();

    /** The signer chains to {@code root} through {@code path} (signer first, root not included). */
    record Trusted(List<X509Certificate> path, X509Certificate root) implements ChainCheck {
        public Trusted {
            path = List.copyOf(path);
        }

        @Override
        public boolean trusted() {
            return true;
        }
    }

    /** Not trusted: {@code message} says why and names {@code certificate} by its subject. */
    record Untrusted(Problem problem, X509Certificate certificate, String message) implements ChainCheck {
        @Override
        public boolean trusted() {
            return false;
        }
    }
}
