package org.mexe.studio.security;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/** Reads certificates and CRLs from PEM or DER files, with errors that name the file and the cause. */
public final class Certificates {

    private Certificates() {
    }

    /**
     * The certificates of a PEM (one or more blocks) or DER file, in file order: for a signer,
     * the signer first and then the certificates that issued it.
     */
    public static List<X509Certificate> read(Path file) throws KeystoreException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new KeystoreException("The file " + file + " holds no certificate: give an X.509 certificate in PEM or DER.");
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new KeystoreException("The certificate file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new KeystoreException("The certificate file " + file + " cannot be read: " + sentence(e.getMessage()), e);
        } catch (CertificateException e) {
            throw new KeystoreException("The file " + file + " is not an X.509 certificate in PEM or DER: " + sentence(e.getMessage()), e);
        }
    }

    /** The CRLs of a PEM or DER file. */
    public static List<X509CRL> readCrls(Path file) throws KeystoreException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            List<X509CRL> crls = CertificateFactory.getInstance("X.509").generateCRLs(in).stream().map(X509CRL.class::cast).toList();
            if (crls.isEmpty()) {
                throw new KeystoreException("The file " + file + " holds no revocation list: give an X.509 CRL in PEM or DER.");
            }
            return crls;
        } catch (NoSuchFileException e) {
            throw new KeystoreException("The revocation list " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new KeystoreException("The revocation list " + file + " cannot be read: " + sentence(e.getMessage()), e);
        } catch (CertificateException | CRLException e) {
            throw new KeystoreException("The file " + file + " is not an X.509 CRL in PEM or DER: " + sentence(e.getMessage()), e);
        }
    }

    /** An exception's message as the end of a sentence. */
    private static String sentence(String message) {
        return message == null ? "unknown cause." : message.endsWith(".") ? message : message + ".";
    }

    /** The subject, as RFC 2253 prints it: how messages name a certificate. */
    static String name(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
