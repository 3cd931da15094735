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

    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;

    /**
     * Checks a code signer as a MExE handset would before it runs signed code: the chain (signer
     * first, then the certificates that issued it, in any order) must lead to one of the roots;
     * every certificate on the path and the root must be valid at {@code at}; the signer must be
     * allowed to sign code (key usage digitalSignature, extended key usage codeSigning when the
     * extension is present); the issuers must be CAs within their path length; no certificate may
     * be revoked by a CRL of its issuer. Then PKIX checks the path once more (signatures,
     * critical extensions).
     *
     * @return the first problem found, or the trusted path; never throws for a bad chain
     */
    public ChainCheck checkCodeSigner(List<X509Certificate> chain, java.time.Instant at) {
        X509Certificate signer = chain.get(0);
        // Build the path upwards from the supplied certificates until a root issued the last one.
        List<X509Certificate> path = new java.util.ArrayList<>(List.of(signer));
        X509Certificate root = null;
        while (root == null) {
            X509Certificate last = path.get(path.size() - 1);
            root = roots.stream().filter(r -> issued(r, last)).findFirst().orElse(null);
            if (root != null) {
                break;
            }
            X509Certificate next = chain.stream()
                    .filter(c -> !path.contains(c) && !c.equals(last) && issued(c, last)).findFirst().orElse(null);
            if (next == null) {
                String end = last.equals(signer) ? Certificates.name(signer)
                        : "the chain of " + Certificates.name(signer) + " ends at " + Certificates.name(last) + ", which";
                return new ChainCheck.Untrusted(ChainCheck.Problem.BROKEN_CHAIN, last, end + " is issued by "
                        + last.getIssuerX500Principal().getName() + ", which is not one of the roots ("
                        + roots.stream().map(Certificates::name).sorted().collect(Collectors.joining("; ")) + ")");
            }
            path.add(next);
        }
        X509Certificate anchor = root;
        // A self-signed signer may be a root itself; the path then holds no certificate below the root.
        List<X509Certificate> below = path.stream().filter(c -> !c.equals(anchor)).toList();
        List<X509Certificate> withRoot = new java.util.ArrayList<>(below);
        withRoot.add(anchor);
        java.util.Date date = java.util.Date.from(at);
        for (X509Certificate certificate : withRoot) {
            if (date.after(certificate.getNotAfter())) {
                return new ChainCheck.Untrusted(ChainCheck.Problem.EXPIRED, certificate, Certificates.name(certificate)
                        + " expired on " + certificate.getNotAfter().toInstant());
            }
            if (date.before(certificate.getNotBefore())) {
                return new ChainCheck.Untrusted(ChainCheck.Problem.NOT_YET_VALID, certificate, Certificates.name(certificate)
                        + " is not valid before " + certificate.getNotBefore().toInstant());
            }
        }
        ChainCheck usage = codeSigningUsage(signer);
        if (usage != null) {
            return usage;
        }
        // Issuers below the root must be CAs; the root is a trust anchor and is taken as it is (PKIX).
        for (int i = 1; i < below.size(); i++) {
            X509Certificate issuer = below.get(i);
            boolean[] keyUsage = issuer.getKeyUsage();
            int pathLength = issuer.getBasicConstraints();
            String why = pathLength < 0 ? "is not a CA (basic constraints)"
                    : keyUsage != null && !keyUsage[KEY_CERT_SIGN] ? "may not sign certificates (key usage keyCertSign)"
                    : i - 1 > pathLength ? "allows " + pathLength + " CA(s) below it (path length) and has " + (i - 1)
                    : null;
            if (why != null) {
                return new ChainCheck.Untrusted(ChainCheck.Problem.NOT_A_CA, issuer, Certificates.name(issuer) + " issued "
                        + Certificates.name(below.get(i - 1)) + " but " + why);
            }
        }
        for (int i = 0; i < below.size(); i++) {
            X509Certificate certificate = below.get(i);
            X509Certificate issuer = i + 1 < below.size() ? below.get(i + 1) : anchor;
            for (X509CRL crl : crls) {
                if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) && signedBy(crl, issuer)) {
                    var entry = crl.getRevokedCertificate(certificate);
                    if (entry != null) {
                        return new ChainCheck.Untrusted(ChainCheck.Problem.REVOKED, certificate, Certificates.name(certificate)
                                + " was revoked on " + entry.getRevocationDate().toInstant()
                                + (entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason() + ")")
                                + " by the revocation list of " + Certificates.name(issuer));
                    }
                }
            }
        }
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(date);
            if (!below.isEmpty()) {
                CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(below), parameters);
            }
        } catch (GeneralSecurityException e) {
            return new ChainCheck.Untrusted(ChainCheck.Problem.INVALID, signer, "PKIX refuses the chain of "
                    + Certificates.name(signer) + ": " + e.getMessage());
        }
        return new ChainCheck.Trusted(below, anchor);
    }

    private static ChainCheck codeSigningUsage(X509Certificate signer) {
        boolean[] keyUsage = signer.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            return new ChainCheck.Untrusted(ChainCheck.Problem.NOT_FOR_CODE_SIGNING, signer, Certificates.name(signer)
                    + " may not make digital signatures (key usage)");
        }
        try {
            List<String> extended = signer.getExtendedKeyUsage();
            // No extended key usage means no restriction (RFC 5280, 4.2.1.12).
            if (extended != null && !extended.contains(CODE_SIGNING) && !extended.contains(ANY_EXTENDED_KEY_USAGE)) {
                return new ChainCheck.Untrusted(ChainCheck.Problem.NOT_FOR_CODE_SIGNING, signer, Certificates.name(signer)
                        + " is not for code signing (its extended key usage lacks codeSigning)");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return new ChainCheck.Untrusted(ChainCheck.Problem.INVALID, signer, "the extended key usage of "
                    + Certificates.name(signer) + " cannot be read: " + e.getMessage());
        }
        return null;
    }

    /** Whether {@code issuer} issued {@code certificate}: the names match and its key verifies the signature. */
    private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
