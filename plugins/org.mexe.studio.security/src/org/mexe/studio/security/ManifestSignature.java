package org.mexe.studio.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS SignedData over a manifest of artefacts. RSA PKCS#1 v1.5 with SHA-256 and no
 * signing-time attribute, so the same manifest and key give the same bytes on every run.
 * {@code openssl cms -verify -binary -inform DER -in SIG -content MANIFEST -CAfile ROOT.pem} verifies it.
 */
public final class ManifestSignature {

    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";

    private ManifestSignature() {
    }

    public static byte[] sign(byte[] manifest, SigningIdentity identity) throws KeystoreException {
        try {
            var attributes = new DefaultSignedAttributeTableGenerator() {
                @Override
                @SuppressWarnings({ "rawtypes", "unchecked" })
                protected Hashtable createStandardAttributeTable(Map parameters) {
                    Hashtable table = super.createStandardAttributeTable(parameters);
                    // A signing time would make every run's signature differ.
                    table.remove(CMSAttributes.signingTime);
                    return table;
                }
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(attributes)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(identity.key()), identity.certificate()));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            return generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded("DER");
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new KeystoreException("Cannot sign with " + identity.origin() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code signature} is a valid signature of {@code manifest} by a code-signing
     * certificate that chains to one of {@code trusted}; returns the signer's certificate.
     */
    public static X509Certificate verify(byte[] manifest, byte[] signature, Collection<X509Certificate> trusted) throws SignatureInvalidException {
        return verify(manifest, signature, TrustPolicy.of(Set.copyOf(trusted)));
    }

    /** As {@link #verify(byte[], byte[], Collection)}, under a trust policy that may hold CRLs. */
    public static X509Certificate verify(byte[] manifest, byte[] signature, TrustPolicy trust) throws SignatureInvalidException {
        try {
            CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
            Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new SignatureInvalidException("The signature has " + signers.size() + " signers; one is expected.");
            }
            SignerInformation signer = signers.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder holder : data.getCertificates().getMatches(null)) {
                certificates.add(converter.getCertificate(holder));
            }
            X509Certificate signerCertificate = null;
            for (X509CertificateHolder holder : data.getCertificates().getMatches(null)) {
                if (signer.getSID().match(holder)) {
                    signerCertificate = converter.getCertificate(holder);
                }
            }
            if (signerCertificate == null) {
                throw new SignatureInvalidException("The signer's certificate is not in the signature.");
            }
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate))) {
                throw new SignatureInvalidException("The manifest does not match its signature: a file list or a digest was changed.");
            }
            checkCodeSigning(signerCertificate);
            trust.validate(chainOf(signerCertificate, certificates));
            return signerCertificate;
        } catch (CMSException e) {
            throw new SignatureInvalidException("The manifest does not match its signature: " + e.getMessage(), e);
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new SignatureInvalidException("The signature cannot be checked: " + e.getMessage(), e);
        }
    }

    private static void checkCodeSigning(X509Certificate signer) throws SignatureInvalidException {
        try {
            List<String> usages = signer.getExtendedKeyUsage();
            if (usages != null && usages.contains(CODE_SIGNING)) {
                return;
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new SignatureInvalidException("The signer's extended key usage cannot be read: " + e.getMessage(), e);
        }
        throw new SignatureInvalidException("The signer " + signer.getSubjectX500Principal().getName()
                + " is not a code-signing certificate (extended key usage codeSigning).");
    }

    /** The signer and the certificates that issued it, from those the signature carries. */
    private static List<X509Certificate> chainOf(X509Certificate signer, List<X509Certificate> certificates) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = signer;
        while (current != null && !chain.contains(current)) {
            chain.add(current);
            X509Certificate child = current;
            current = certificates.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal()) && !c.equals(child))
                    .findFirst().orElse(null);
        }
        return chain;
    }

    /** Certificates of a PEM file, such as the roots a reviewer trusts. */
    public static Set<X509Certificate> readCertificates(java.nio.file.Path pem) throws IOException, GeneralSecurityException {
        try (var in = java.nio.file.Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).collect(Collectors.toSet());
        }
    }
}
