package org.mexe.studio.dsl;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.serializer.sequencer.GenericSequencer;
import org.eclipse.xtext.serializer.sequencer.ISemanticSequencer;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.IDiagnosticConverter;
import org.eclipse.xtext.validation.IResourceValidator;
import org.mexe.studio.dsl.conversion.ProvValueConverters;
import org.mexe.studio.dsl.formatting2.ProvFormatter;
import org.mexe.studio.dsl.parser.antlr.ProvLexer;
import org.mexe.studio.dsl.parser.antlr.ProvRecoveringParser;
import org.mexe.studio.dsl.scoping.ProvNamespaceScopeProvider;
import org.mexe.studio.dsl.serializer.ProvSequencer;
import org.mexe.studio.dsl.validation.ProvDiagnosticConverter;
import org.mexe.studio.dsl.validation.ProvResourceValidator;

import com.google.inject.Binder;
import com.google.inject.name.Names;

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

    /** The generated parser with recovery that reports one error per mistake. */
    @Override
    public Class<? extends IParser> bindIParser() {
        return ProvRecoveringParser.class;
    }

    /** The generated lexer, with strings that end at the end of their line. */
    @Override
    public void configureRuntimeLexer(Binder binder) {
        binder.bind(Lexer.class).annotatedWith(Names.named(LexerBindings.RUNTIME)).to(ProvLexer.class);
    }

    /** The generic sequencer, writing a list as one statement. */
    @Override
    public void configureGenericSemanticSequencer(Binder binder) {
        binder.bind(ISemanticSequencer.class).annotatedWith(GenericSequencer.class).to(ProvSequencer.class);
    }

    /** Names by namespace and imports, with the precedence of Java's. */
    @Override
    public void configureIScopeProviderDelegate(Binder binder) {
        binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
                .to(ProvNamespaceScopeProvider.class);
    }

    /** Which files a change of another file's names concerns (see the class). */
    public Class<? extends org.eclipse.xtext.resource.IResourceDescription.Manager> bindIResourceDescription$Manager() {
        return org.mexe.studio.dsl.scoping.ProvResourceDescriptionManager.class;
    }

    public Class<? extends IResourceValidator> bindIResourceValidator() {
        return ProvResourceValidator.class;
    }

    /**
     * Artefacts come from the generator bundle's pipeline, never from Xtext's generator step, whose
     * default guard validates every error-free file a second time in each index build (the IDE's,
     * the language server's): a third of the build's time.
     */
    public Class<? extends IShouldGenerate> bindIShouldGenerate() {
        return NoXtextGeneration.class;
    }

    /** See {@link #bindIShouldGenerate()}. */
    public static final class NoXtextGeneration implements IShouldGenerate {
        @Override
        public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
            return false;
        }
    }

    /** The metamodel's findings under the language's issue codes, at the value they concern. */
    public Class<? extends IDiagnosticConverter> bindIDiagnosticConverter() {
        return ProvDiagnosticConverter.class;
    }
}
