package org.mexe.studio.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.validation.IResourceValidator;
import org.mexe.studio.dsl.conversion.ProvValueConverters;
import org.mexe.studio.dsl.formatting2.ProvFormatter;
import org.mexe.studio.dsl.validation.ProvResourceValidator;

/**
 * Guice bindings of the language that the generated module does not make.
 */
public class ProvRuntimeModule extends AbstractProvRuntimeModule {

    public Class<? extends IFormatter2> bindIFormatter2() {
        return ProvFormatter.class;
    }

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return ProvValueConverters.class;
    }

    public Class<? extends IResourceValidator> bindIResourceValidator() {
        return ProvResourceValidator.class;
    }
}
