package org.mexe.studio.model.constraints;

import static org.mexe.studio.model.constraints.ModelConstraints.error;

import java.util.Map;

import org.eclipse.emf.common.util.DiagnosticChain;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.Keystore;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;

/** Invariants on where key material comes from: never inline, always from one named place. */
public final class KeyConstraints {

    private KeyConstraints() {
    }

    /** A certificate comes from a keystore entry or from a file: exactly one of the two. */
    public static boolean hasOneSource(Certificate certificate, DiagnosticChain diagnostics, Map<Object, Object> context) {
        boolean keystore = certificate.getKeystore() != null;
        boolean alias = certificate.getAlias() != null;
        boolean file = certificate.getFile() != null;
        String name = Places.of(certificate);
        if ((keystore || alias) && file) {
            return error(diagnostics, ModelConstraints.INVALID_CERTIFICATE_SOURCE, "The " + name + " names both a keystore entry"
                    + " and a file: keep either 'keystore K alias \"a\"' or 'file \"cert.pem\"'.", certificate, Literals.CERTIFICATE__FILE);
        }
        if (!keystore && !alias && !file) {
            return error(diagnostics, ModelConstraints.INVALID_CERTIFICATE_SOURCE, "The " + name + " says nowhere where it comes from:"
                    + " add 'keystore K alias \"a\"' or 'file \"cert.pem\"'.", certificate, Literals.ELEMENT__NAME);
        }
        if (keystore != alias) {
            return error(diagnostics, ModelConstraints.INVALID_CERTIFICATE_SOURCE, "The " + name
                    + (keystore ? " names a keystore but no alias: add the alias of the entry, 'alias \"a\"'."
                            : " names an alias but no keystore: add 'keystore K'."),
                    certificate, keystore ? Literals.CERTIFICATE__KEYSTORE : Literals.CERTIFICATE__ALIAS);
        }
        return true;
    }

    /** A keystore needs the file to open and somewhere to read its password from. */
    public static boolean hasFileAndPassword(Keystore keystore, DiagnosticChain diagnostics, Map<Object, Object> context) {
        boolean file = keystore.getPath() != null && !keystore.getPath().isBlank();
        boolean password = keystore.getPassword() != null;
        if (file && password) {
            return true;
        }
        String missing = !file && !password ? "neither a file nor a password" : !file ? "no file" : "no password";
        return error(diagnostics, ModelConstraints.INCOMPLETE_KEYSTORE, "The " + Places.of(keystore) + " has " + missing
                + ": give 'file \"keys/operator.p12\"' and 'password env \"VARIABLE\"' (or password file \"path\");"
                + " the password itself never goes into the text.", keystore, Literals.ELEMENT__NAME);
    }
}
