package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.Modules2;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.dsl.ProvRuntimeModule;
import org.mexe.studio.dsl.ide.ProvIdeModule;
import org.mexe.studio.dsl.ide.ProvIdeSetup;
import org.mexe.studio.dsl.ide.workspace.ProvWorkspace;
import org.mexe.studio.dsl.validation.ProvResourceValidator;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * An index build (the IDE's, the language server's) validates each file once. Xtext's builder
 * would validate every file without errors a second time to decide whether to run its generator,
 * which this language does not use: that was a third of opening a large project.
 */
class IndexBuildValidationTest {

    private static final Map<String, Integer> VALIDATIONS = new ConcurrentHashMap<>();

    /** The language's validator, counting the files it is asked to validate. */
    public static final class CountingValidator extends ProvResourceValidator {
        @Override
        public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
            VALIDATIONS.merge(resource.getURI().lastSegment(), 1, Integer::sum);
            return super.validate(resource, mode, indicator);
        }
    }

    @TempDir
    Path folder;

    @Test
    void eachFileIsValidatedOnceWhenTheIndexIsBuilt() throws Exception {
        Files.writeString(folder.resolve("sets.prov"), """
                namespace count.sets

                parameters Home {
                	www {
                		port 8080
                	}
                }
                """);
        Files.writeString(folder.resolve("scenario.prov"), """
                namespace count.scenarios

                import count.sets.*

                scenario NewHandset {
                	deliver Home {
                		format oma-cp
                		security none
                		to "+447700900123"
                	}
                }
                """);
        Injector injector = new ProvIdeSetup() {
            @Override
            public Injector createInjector() {
                return Guice.createInjector(Modules2.mixin(new ProvRuntimeModule(), new ProvIdeModule(),
                        binder -> binder.bind(IResourceValidator.class).to(CountingValidator.class)));
            }
        }.createInjectorAndDoEMFRegistration();
        ProvWorkspace workspace = injector.getInstance(ProvWorkspace.class);
        workspace.initialize(List.of(new ProvWorkspace.Root(workspace.uri(folder.toUri()), "count"))).get(60, TimeUnit.SECONDS);

        for (String file : List.of("sets.prov", "scenario.prov")) {
            // Xtext validates again only a file without errors.
            assertEquals(List.of(), workspace.problems(workspace.uri(folder.resolve(file).toUri())).orElseThrow().stream()
                    .filter(issue -> issue.getSeverity() == Severity.ERROR).toList(), file);
        }
        assertEquals(Map.of("sets.prov", 1, "scenario.prov", 1), VALIDATIONS);
    }
}
