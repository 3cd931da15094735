package org.mexe.studio.dsl.validation;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;

/** Checks that need the encoded payload: whether a delivery fits the target handsets. */
public class PayloadValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(org.eclipse.xtext.validation.EValidatorRegistrar registrar) {
        // Composed into ProvValidator, which registers for the package.
    }
}
