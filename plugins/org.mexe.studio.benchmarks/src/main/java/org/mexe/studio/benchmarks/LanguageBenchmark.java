package org.mexe.studio.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.mexe.studio.dsl.ProvStandaloneSetup;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.google.inject.Injector;

/**
 * The whole scale corpus through the language, as {@code prov validate} does it but in a warm
 * JVM: one operation reads every file into a new resource set. Three depths, so that the
 * differences give each phase: {@link #parse} (parse, and the lazy-linking proxies Xtext makes
 * while loading), {@link #parseLink} ({@link ProvisioningPipeline#load}: also resolves every
 * cross-reference) and {@link #parseLinkValidate} (also {@link ProvisioningPipeline#validate}:
 * syntax, linking, metamodel constraints and language checks, trust material included).
 * Lines per second = corpus lines / seconds per operation (tools/benchmark language prints it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class LanguageBenchmark {

    /** The folder tools/scale-corpus wrote. */
    @Param("target/language-corpus")
    public String corpus;

    private LanguageCorpus files;
    private Injector injector;
    private ProvisioningPipeline pipeline;

    @Setup
    public void setUp() throws GenerationException {
        files = LanguageCorpus.at(corpus);
        // What ProvisioningPipeline.standalone() does, keeping the injector for the parse-only case.
        injector = new ProvStandaloneSetup().createInjectorAndDoEMFRegistration();
        pipeline = new ProvisioningPipeline(injector);
        List<Problem> findings = LanguageCorpus.requireNoErrors(files.folder(), pipeline.validate(load()));
        System.out.printf("%nCorpus %s: %d files, %d lines, no errors, %d warning(s) and note(s)%n", files.folder(),
                files.files().size(), files.lines(), findings.size());
    }

    /** Parse every file (loading also installs the lazy-linking proxies); nothing resolved. */
    @Benchmark
    public XtextResourceSet parse() {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        for (var file : files.files()) {
            resourceSet.getResource(URI.createFileURI(file.toString()), true);
        }
        return resourceSet;
    }

    /** {@link ProvisioningPipeline#load}: parse and resolve every cross-reference. */
    @Benchmark
    public LoadedInputs parseLink() throws GenerationException {
        return load();
    }

    /** {@code prov validate} without JVM start and printing: load, then validate every file. */
    @Benchmark
    public List<Problem> parseLinkValidate() throws GenerationException {
        return pipeline.validate(load());
    }

    private LoadedInputs load() throws GenerationException {
        return pipeline.load(List.of(files.folder()));
    }
}
