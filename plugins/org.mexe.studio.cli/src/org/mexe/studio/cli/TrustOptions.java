package org.mexe.studio.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

import org.mexe.studio.security.TrustPolicy;

import picocli.CommandLine.Option;

/** Whom a verifying command trusts: root certificates, and the revocation lists to check them against. */
final class TrustOptions {

    @Option(names = "--trust", paramLabel = "PEM", required = true, arity = "1..*",
            description = "Root certificates (PEM) to trust: the operator root CA, or a protection domain's roots.")
    List<Path> trusted;

    @Option(names = "--crl", paramLabel = "FILE", arity = "1..*", description = "CRLs (PEM or DER) to check revocation against.")
    List<Path> crls = List.of();

    TrustPolicy policy() throws IOException, GeneralSecurityException {
        return TrustPolicy.read(trusted, crls);
    }
}
