package org.mexe.studio.dsl.validation;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/** A group of checks that {@link ProvValidator} composes: it registers for the package, the group never does. */
public abstract class ComposedValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into ProvValidator.
    }
}
