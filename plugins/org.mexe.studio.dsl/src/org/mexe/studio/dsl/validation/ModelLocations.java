package org.mexe.studio.dsl.validation;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.mexe.studio.dsl.validation.TrustMaterial.Failed;
import org.mexe.studio.dsl.validation.TrustMaterial.Loaded;
import org.mexe.studio.dsl.validation.TrustMaterial.Outcome;
import org.mexe.studio.dsl.validation.TrustMaterial.Unavailable;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.security.SecretLocation;

/**
 * Where the files and secrets a model names are: paths relative to the .prov file that names
 * them, and a {@link SecretRef} of the model as the {@link SecretLocation} that the security layer
 * reads. The validator and the generator both ask here, so they read the same file.
 */
public final class ModelLocations {

    private ModelLocations() {
    }

    /**
     * The place of a secret the model names ({@code env "VARIABLE"} or {@code file "path"}).
     *
     * @param what the secret, for messages: "password", "PIN"
     */
    public static Outcome<SecretLocation> secret(SecretRef reference, String what) {
        if (reference == null || reference.getLocation() == null || reference.getSource() == null) {
            return new Failed<>("the " + what + " is incomplete", "");
        }
        return switch (reference.getSource()) {
            case ENV -> new Loaded<>(new SecretLocation.Environment(reference.getLocation()));
            case FILE -> {
                Outcome<Path> file = file(reference, reference.getLocation(), what + " file");
                yield file instanceof Loaded<Path>(Path path) ? new Loaded<>(new SecretLocation.File(path)) : retype(file);
            }
        };
    }

    /** A path of the model: absolute, or relative to the folder of the .prov file that names it. */
    public static Outcome<Path> file(EObject context, String location, String what) {
        Path path;
        try {
            path = Path.of(location);
        } catch (InvalidPathException e) {
            return new Failed<>("The " + what + " \"" + location + "\" is not a valid path: " + e.getReason() + ".",
                    "Give a file path, relative to the .prov file.");
        }
        if (path.isAbsolute()) {
            return new Loaded<>(path.normalize());
        }
        Optional<Path> folder = folderOf(context.eResource());
        if (folder.isEmpty()) {
            return new Unavailable<>("the " + what + " \"" + location + "\" is relative to the .prov file, which is not on disk.",
                    "Validate the .prov file where it is saved to check it.");
        }
        return new Loaded<>(folder.get().resolve(path).normalize());
    }

    private static Optional<Path> folderOf(Resource resource) {
        if (resource == null || resource.getURI() == null) {
            return Optional.empty();
        }
        URI uri = resource.getURI();
        if (uri.isPlatform()) {
            // In the IDE: platform:/resource/… is a workspace file, found on disk through EMF.
            uri = CommonPlugin.resolve(uri);
        }
        if (!uri.isFile()) {
            return Optional.empty();
        }
        Path parent = Path.of(uri.toFileString()).toAbsolutePath().getParent();
        return Optional.ofNullable(parent);
    }

    @SuppressWarnings("unchecked")
    private static <T> Outcome<T> retype(Outcome<?> notLoaded) {
        return (Outcome<T>) notLoaded;
    }
}
