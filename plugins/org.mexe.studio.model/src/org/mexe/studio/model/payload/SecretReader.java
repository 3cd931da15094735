package org.mexe.studio.model.payload;

import org.mexe.studio.model.provisioning.SecretRef;

/**
 * Reads the secret a model names, for the parameters a handset needs in clear (an access point's
 * password travels in the payload). The generator reads the real secret; the validator passes a
 * stand-in of a stated length, so that it can size the payload without knowing any secret.
 *
 * @param <X> what the reader throws when the secret is unavailable
 */
@FunctionalInterface
public interface SecretReader<X extends Exception> {

    /** @param reference the reference as written in the model, so relative files resolve against its own file */
    String read(SecretRef reference) throws X;
}
