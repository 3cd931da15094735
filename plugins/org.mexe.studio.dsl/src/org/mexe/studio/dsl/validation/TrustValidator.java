package org.mexe.studio.dsl.validation;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;

/** Checks of trust: certificates, security domains, and what the handsets trust. */
public class TrustValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(org.eclipse.xtext.validation.EValidatorRegistrar registrar) {
        // Composed into ProvValidator, which registers for the package.
    }
}
