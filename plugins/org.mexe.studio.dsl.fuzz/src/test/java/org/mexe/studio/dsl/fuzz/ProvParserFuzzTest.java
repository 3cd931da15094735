package org.mexe.studio.dsl.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.mexe.studio.dsl.ProvStandaloneSetup;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.inject.Injector;

/**
 * The .prov language fed random bytes and truncated or damaged real files: parsing, linking and
 * every check must report problems as errors, never throw and never hang (Jazzer stops a run whose
 * input takes longer than its timeout). A plain build replays the committed corpus under
 * {@code ProvParserFuzzTestInputs/<method>/}; {@code tools/fuzz} fuzzes.
 */
class ProvParserFuzzTest {

    private static final Injector INJECTOR = new ProvStandaloneSetup().createInjectorAndDoEMFRegistration();

    /** examples/demo-operator/new-handset.prov, as a base for truncations and flipped bytes. */
    private static final String DEMO = """
            namespace demo.operator

            parameters HomeNetwork {
                gprs {
                    apn "internet.demo-operator.example"
                    auth pap
                    user "web"
                }
                www {
                    proxy "10.10.0.8"
                    port 8080
                    homepage "http://wap.demo-operator.example/start"
                }
            }

            scenario NewHandset {
                deliver HomeNetwork {
                    format oma-cp
                    security userpin
                    pin file "../demo-secrets/DEMO-ONLY-userpin.txt"
                    to "+447700900123"
                }
            }
            """;

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        check(input);
    }

    /** A real-looking file cut short and with a few bytes changed: the edits a user's editor makes all day. */
    @FuzzTest(maxDuration = "30s")
    void truncated(FuzzedDataProvider data) {
        byte[] base = DEMO.getBytes(StandardCharsets.UTF_8);
        int length = data.consumeInt(0, base.length);
        byte[] cut = java.util.Arrays.copyOf(base, length);
        int flips = data.consumeInt(0, 4);
        for (int i = 0; i < flips && length > 0; i++) {
            cut[data.consumeInt(0, length - 1)] = data.consumeByte();
        }
        check(cut);
    }

    private static void check(byte[] input) {
        XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
        Resource resource = resourceSet.createResource(URI.createURI("fuzz:/input.prov"));
        try {
            resource.load(new ByteArrayInputStream(input), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IResourceValidator validator = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator();
        // Linking and every check; problems come back as issues, never as an exception.
        List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
        issues.size();
    }
}
