package org.mexe.studio.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a verifier trusts: the roots of a security domain (e.g. the operator root CA) and, when
 * given, the CRLs that revoke certificates under them. PKIX path validation checks validity
 * dates, basic constraints and key usage along the chain; with CRLs, revocation too.
 */
public record TrustPolicy(Set<X509Certificate> roots, List<X509CRL> crls) {

    public TrustPolicy {
        roots = Set.copyOf(roots);
        crls = List.copyOf(crls);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a trust policy needs at least one root certificate");
        }
    }

    public static TrustPolicy of(Set<X509Certificate> roots) {
        return new TrustPolicy(roots, List.of());
    }

    /** Roots and CRLs from PEM or DER files. */
    public static TrustPolicy read(List<Path> rootFiles, List<Path> crlFiles) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Set<X509Certificate> roots = new java.util.HashSet<>();
        for (Path file : rootFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                factory.generateCertificates(in).forEach(c -> roots.add((X509Certificate) c));
            }
        }
        List<X509CRL> crls = new java.util.ArrayList<>();
        for (Path file : crlFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                factory.generateCRLs(in).forEach(c -> crls.add((X509CRL) c));
            }
        }
        return new TrustPolicy(roots, crls);
    }

    /**
     * Validates {@code chain} (signer first, root optional) against the roots and CRLs.
     *
     * @throws SignatureInvalidException naming the signer and why it is not trusted
     */
    public void validate(List<X509Certificate> chain) throws SignatureInvalidException {
        X509Certificate signer = chain.get(0);
        List<X509Certificate> path = chain.stream().filter(c -> !roots.contains(c)).toList();
        try {
            PKIXParameters parameters = new PKIXParameters(roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toSet()));
            parameters.setRevocationEnabled(!crls.isEmpty());
            if (!crls.isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            }
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            String reason = e.getReason() == CertPathValidatorException.BasicReason.REVOKED ? "its certificate is revoked"
                    : e.getReason() == CertPathValidatorException.BasicReason.EXPIRED ? "a certificate of its chain has expired"
                    : e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID ? "a certificate of its chain is not yet valid"
                    : e.getMessage();
            throw new SignatureInvalidException("The signer " + signer.getSubjectX500Principal().getName() + " is not trusted: " + reason + ".", e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new SignatureInvalidException("The trust policy cannot be used: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SignatureInvalidException("The signer's chain cannot be checked: " + e.getMessage(), e);
        }
    }
}
