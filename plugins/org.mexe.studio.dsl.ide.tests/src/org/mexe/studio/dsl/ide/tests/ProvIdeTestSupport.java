package org.mexe.studio.dsl.ide.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.mexe.studio.dsl.ide.ProvIdeSetup;

import com.google.inject.Injector;

/** Files parsed into one resource set, as an editor's workspace holds them. */
final class ProvIdeTestSupport {

    static final Injector INJECTOR = new ProvIdeSetup().createInjectorAndDoEMFRegistration();

    final XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);

    XtextResource parse(String name, String text) throws IOException {
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/" + name));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        return resource;
    }

    /** Every reference of every file resolved, as after a build. */
    void resolveAll() {
        EcoreUtil.resolveAll(resourceSet);
    }

    static int offsetOf(String text, String needle, int index) {
        int offset = text.indexOf(needle);
        if (offset < 0) {
            throw new AssertionError(needle + " is not in the text");
        }
        return offset + index;
    }
}
