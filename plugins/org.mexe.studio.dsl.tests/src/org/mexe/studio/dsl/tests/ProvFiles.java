package org.mexe.studio.dsl.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.mexe.studio.dsl.ProvStandaloneSetup;

import com.google.inject.Injector;

/** Parses and validates .prov text in memory for the tests. */
final class ProvFiles {

    static final Injector INJECTOR = new ProvStandaloneSetup().createInjectorAndDoEMFRegistration();

    private final XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);

    XtextResource parse(String name, String text) {
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/" + name));
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return resource;
    }

    List<Issue> validate(XtextResource resource) {
        EcoreUtil.resolveAll(resourceSet);
        return INJECTOR.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    List<Issue> validate(String text) {
        return validate(parse("test.prov", text));
    }
}
