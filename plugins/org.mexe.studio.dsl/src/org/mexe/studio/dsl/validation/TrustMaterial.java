package org.mexe.studio.dsl.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.Keystore;
import org.mexe.studio.security.Certificates;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;

/**
 * The keystores, certificate files and revocation lists that the trust checks read, kept on the
 * resource set so that one validation run reads each file once however many elements use it.
 * Entries are keyed by path, modification time and size (and, for a keystore, where its password
 * comes from), so a file changed on disk is read again. Only public material is kept: the
 * certificates of a keystore, never its keys or its password.
 */
public final class TrustMaterial extends AdapterImpl {

    /** Load option of a resource set: the {@link SecretResolver} that opens keystores while validating. */
    public static final String SECRETS_OPTION = TrustMaterial.class.getName() + ".secrets";

    /** What reading a file gave: its content, a reason why it could not be read now, or an error. */
    public sealed interface Outcome<T> {
    }

    public record Loaded<T>(T value) implements Outcome<T> {
    }

    /** The check cannot run now (a password that is not set, a relative path of a file not on disk): not an error. */
    public record Unavailable<T>(String why, String hint) implements Outcome<T> {
    }

    /** Failed: {@code message} names the file (and alias) and the cause, {@code hint} what would be right. */
    public record Failed<T>(String message, String hint) implements Outcome<T> {
    }

    private record Stamp(long modified, long size) {
    }

    private record FileKey(String kind, Path file, Optional<Stamp> stamp) {
    }

    private record KeystoreKey(Path file, Optional<Stamp> stamp, String password, Optional<Stamp> passwordStamp) {
    }

    private final SecretResolver secrets;
    private final Map<Object, Outcome<?>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    private TrustMaterial(SecretResolver secrets) {
        this.secrets = secrets;
    }

    /**
     * Opens keystores with {@code secrets} when validating the resources of {@code resourceSet},
     * such as a resolver that asks Eclipse secure storage first; without it, the process
     * environment. Forgets what was read before.
     */
    public static void useSecrets(ResourceSet resourceSet, SecretResolver secrets) {
        resourceSet.getLoadOptions().put(SECRETS_OPTION, secrets);
        resourceSet.eAdapters().removeIf(TrustMaterial.class::isInstance);
    }

    /** The material of the resource set that holds {@code object}, made on first use. */
    static TrustMaterial of(EObject object, Map<Object, Object> validationContext) {
        Resource resource = object.eResource();
        ResourceSet resourceSet = resource == null ? null : resource.getResourceSet();
        if (resourceSet == null && validationContext == null) {
            return new TrustMaterial(SecretResolver.fromProcessEnvironment());
        }
        if (resourceSet == null) {
            // A model outside a resource set: keep the material for this validation run only.
            return (TrustMaterial) validationContext.computeIfAbsent(TrustMaterial.class,
                    k -> new TrustMaterial(SecretResolver.fromProcessEnvironment()));
        }
        synchronized (resourceSet) {
            return existing(resourceSet).orElseGet(() -> {
                TrustMaterial material = new TrustMaterial(resourceSet.getLoadOptions().get(SECRETS_OPTION) instanceof SecretResolver given
                        ? given : SecretResolver.fromProcessEnvironment());
                resourceSet.eAdapters().add(material);
                return material;
            });
        }
    }

    /** The material kept on {@code resourceSet}, if a trust check has read any. */
    public static Optional<TrustMaterial> existing(ResourceSet resourceSet) {
        return Optional.ofNullable((TrustMaterial) EcoreUtil.getExistingAdapter(resourceSet, TrustMaterial.class));
    }

    @Override
    public boolean isAdapterForType(Object type) {
        return type == TrustMaterial.class;
    }

    /** How many files (keystores, certificates, revocation lists) were read from disk. */
    public int diskReads() {
        return reads.get();
    }

    /** The certificate chains of a keystore by alias. */
    Outcome<SortedMap<String, List<X509Certificate>>> keystore(Keystore keystore) {
        if (keystore.getPath() == null || keystore.getPassword() == null) {
            return new Failed<>("the keystore " + keystore.getName() + " is incomplete", "");
        }
        Outcome<Path> file = ModelLocations.file(keystore, keystore.getPath(), "keystore");
        if (!(file instanceof Loaded<Path>(Path path))) {
            return retype(file);
        }
        Optional<Stamp> stamp = stamp(path);
        if (stamp.isEmpty()) {
            return new Failed<>("The keystore " + path + " does not exist.", "Point 'file' at the PKCS#12 file.");
        }
        Outcome<SecretLocation> password = ModelLocations.secret(keystore.getPassword(), "password");
        if (!(password instanceof Loaded<SecretLocation>(SecretLocation location))) {
            return retype(password);
        }
        Optional<Stamp> passwordStamp = location instanceof SecretLocation.File f ? stamp(f.path()) : Optional.empty();
        return cached(new KeystoreKey(path, stamp, location.describe(), passwordStamp), () -> {
            try (Secret secret = secrets.resolve(location)) {
                reads.incrementAndGet();
                return new Loaded<>(Keystores.certificateChains(path, secret));
            } catch (SecretUnavailableException e) {
                return new Unavailable<>(e.getMessage(), "To check it when validating, make the password available there"
                        + " (generation reads it the same way).");
            } catch (KeystoreException e) {
                boolean wrongPassword = e.getCause() != null && e.getCause().getCause() instanceof UnrecoverableKeyException;
                return new Failed<>(e.getMessage(), wrongPassword
                        ? "Put the keystore's password in the " + location.describe() + "."
                        : "Point 'file' at a PKCS#12 keystore.");
            }
        });
    }

    /**
     * The certificate (first) and the certificates that issued it, read as the trust checks read it
     * and kept on its resource set: for the generators that export certificates.
     */
    public static Outcome<List<X509Certificate>> chainOf(Certificate certificate) {
        return of(certificate, null).certificate(certificate);
    }

    /** The certificate and the certificates that issued it: from its keystore alias or its file. */
    Outcome<List<X509Certificate>> certificate(Certificate certificate) {
        if (certificate.getFile() != null && certificate.getKeystore() == null) {
            return certificateFile(certificate);
        }
        Keystore keystore = certificate.getKeystore();
        if (keystore == null || keystore.eIsProxy() || certificate.getAlias() == null || certificate.getFile() != null) {
            return new Failed<>("the certificate " + certificate.getName() + " is incomplete", "");
        }
        Outcome<SortedMap<String, List<X509Certificate>>> chains = keystore(keystore);
        if (!(chains instanceof Loaded<SortedMap<String, List<X509Certificate>>>(var byAlias))) {
            return retype(chains);
        }
        Path file = ModelLocations.file(keystore, keystore.getPath(), "keystore") instanceof Loaded<Path>(Path path) ? path : Path.of(keystore.getPath());
        try {
            return new Loaded<>(Keystores.chainOf(file, certificate.getAlias(), byAlias));
        } catch (KeystoreException e) {
            return new Failed<>(e.getMessage(), "Name one of those aliases, or add the certificate to the keystore.");
        }
    }

    private Outcome<List<X509Certificate>> certificateFile(Certificate certificate) {
        Outcome<Path> file = ModelLocations.file(certificate, certificate.getFile(), "certificate file");
        if (!(file instanceof Loaded<Path>(Path path))) {
            return retype(file);
        }
        return cached(new FileKey("certificate", path, stamp(path)), () -> {
            try {
                reads.incrementAndGet();
                return new Loaded<>(Certificates.read(path));
            } catch (KeystoreException e) {
                return new Failed<>(e.getMessage(), "Point 'file' at an X.509 certificate in PEM or DER.");
            }
        });
    }

    /** A revocation list named by a domain, relative to the file that declares {@code context}. */
    Outcome<List<X509CRL>> revocationList(EObject context, String location) {
        Outcome<Path> file = ModelLocations.file(context, location, "revocation list");
        if (!(file instanceof Loaded<Path>(Path path))) {
            return retype(file);
        }
        return cached(new FileKey("crl", path, stamp(path)), () -> {
            try {
                reads.incrementAndGet();
                return new Loaded<>(Certificates.readCrls(path));
            } catch (KeystoreException e) {
                return new Failed<>(e.getMessage(), "Give the path of an X.509 CRL in PEM or DER.");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T> Outcome<T> cached(Object key, Supplier<Outcome<T>> read) {
        Outcome<?> known = cache.get(key);
        if (known == null) {
            known = read.get();
            cache.put(key, known);
        }
        return (Outcome<T>) known;
    }

    @SuppressWarnings("unchecked")
    private static <T> Outcome<T> retype(Outcome<?> notLoaded) {
        return (Outcome<T>) notLoaded;
    }

    private static Optional<Stamp> stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Unreadable metadata: never a cache hit, the read itself reports the cause.
            return Optional.of(new Stamp(System.nanoTime(), -1));
        }
    }
}
