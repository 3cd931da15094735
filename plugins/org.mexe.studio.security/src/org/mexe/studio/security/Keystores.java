package org.mexe.studio.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reads PKCS#12 keystores, with errors that say which file and alias, and why. */
public final class Keystores {

    /** One entry of a keystore, for listing: no key material. A secret key has no certificate: no issuer, no {@code notAfter} (null). */
    public record Entry(String alias, boolean hasKey, String subject, String issuer, java.util.Date notAfter) {
    }

    private Keystores() {
    }

    public static KeyStore load(Path file, Secret password) throws KeystoreException {
        char[] chars = password.reveal().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, chars);
            return store;
        } catch (NoSuchFileException e) {
            throw new KeystoreException("The keystore " + file + " does not exist.", e);
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeystoreException("Wrong password for the keystore " + file + " (from " + password.origin() + ").", e);
            }
            throw new KeystoreException("The keystore " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("The keystore " + file + " cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The key and chain under {@code alias}, for signing. */
    public static SigningIdentity signingIdentity(Path file, String alias, Secret password) throws KeystoreException {
        KeyStore store = load(file, password);
        char[] chars = password.reveal().toCharArray();
        try {
            if (!store.containsAlias(alias)) {
                throw new KeystoreException("The keystore " + file + " has no alias '" + alias + "'; it has: "
                        + String.join(", ", Collections.list(store.aliases())) + ".");
            }
            if (!(store.getKey(alias, chars) instanceof PrivateKey key)) {
                throw new KeystoreException("The alias '" + alias + "' of " + file + " holds a certificate, not a private key: it cannot sign.");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            checkCanSign(file, alias, chain.get(0));
            return new SigningIdentity(file + "#" + alias, key, chain);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("The key '" + alias + "' of " + file + " cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** A signing certificate must be valid now and allowed to make digital signatures. */
    private static void checkCanSign(Path file, String alias, X509Certificate certificate) throws KeystoreException {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            throw new KeystoreException("The certificate of '" + alias + "' in " + file + " expired on " + certificate.getNotAfter().toInstant()
                    + ": renew it before signing.", e);
        } catch (CertificateNotYetValidException e) {
            throw new KeystoreException("The certificate of '" + alias + "' in " + file + " is not valid before "
                    + certificate.getNotBefore().toInstant() + ": check the clock or the certificate.", e);
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[0]) {
            throw new KeystoreException("The certificate of '" + alias + "' in " + file
                    + " does not allow digital signatures (key usage): this key cannot sign artefacts.");
        }
    }

    /** As {@link #signingIdentity(Path, String, Secret)}, with the password read from where it is kept. */
    public static SigningIdentity signingIdentity(Path file, String alias, SecretLocation password, SecretResolver secrets)
            throws KeystoreException, SecretUnavailableException {
        try (Secret secret = secrets.resolve(password)) {
            return signingIdentity(file, alias, secret);
        }
    }

    /**
     * The certificates of every alias that has some, sorted by alias: a key entry's chain (its
     * certificate first), a trusted certificate entry's certificate. Public material only, so that
     * a caller may keep it; secret key entries have none and are left out.
     */
    public static java.util.SortedMap<String, List<X509Certificate>> certificateChains(Path file, Secret password) throws KeystoreException {
        KeyStore store = load(file, password);
        try {
            java.util.SortedMap<String, List<X509Certificate>> chains = new java.util.TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.isKeyEntry(alias) ? store.getCertificateChain(alias) : null;
                if (chain == null && store.getCertificate(alias) != null) {
                    chain = new Certificate[] { store.getCertificate(alias) };
                }
                if (chain != null) {
                    chains.put(alias, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
                }
            }
            return chains;
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("The keystore " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The certificate chain under {@code alias}, its certificate first. */
    public static List<X509Certificate> certificateChain(Path file, String alias, Secret password) throws KeystoreException {
        return chainOf(file, alias, certificateChains(file, password));
    }

    /** The chain of {@code alias} among chains read by {@link #certificateChains}, or an error naming what exists. */
    public static List<X509Certificate> chainOf(Path file, String alias, java.util.SortedMap<String, List<X509Certificate>> chains)
            throws KeystoreException {
        List<X509Certificate> chain = chains.get(alias);
        if (chain == null) {
            throw new KeystoreException("The keystore " + file + " has no certificate under the alias '" + alias + "'; "
                    + (chains.isEmpty() ? "it holds no certificates." : "its certificates are under: " + String.join(", ", chains.keySet()) + "."));
        }
        return chain;
    }

    /** Every entry, sorted by alias. */
    public static List<Entry> list(Path file, Secret password) throws KeystoreException {
        KeyStore store = load(file, password);
        try {
            List<Entry> entries = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    entries.add(new Entry(alias, store.isKeyEntry(alias), certificate.getSubjectX500Principal().getName(),
                            certificate.getIssuerX500Principal().getName(), certificate.getNotAfter()));
                } else {
                    // A secret key (such as a SIM OTA key) has no certificate; it is listed, never decrypted.
                    entries.add(new Entry(alias, true, "secret key", "none", null));
                }
            }
            entries.sort(java.util.Comparator.comparing(Entry::alias));
            return entries;
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("The keystore " + file + " cannot be listed: " + e.getMessage(), e);
        }
    }
}
