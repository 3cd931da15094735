package org.mexe.studio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;

/**
 * The heap the loaded and validated corpus keeps (resources, node models, caches of the
 * resource set), from {@link MemoryMXBean} after full collections: the heap in use with the
 * corpus held, minus the heap in use after it is dropped (the language set up and warm, so
 * that classes and the injector are in both figures).
 * <p>
 * {@code java -cp target/benchmarks.jar org.mexe.studio.benchmarks.LanguageFootprint CORPUS}
 */
public final class LanguageFootprint {

    private LanguageFootprint() {
    }

    public static void main(String[] args) throws GenerationException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: LanguageFootprint CORPUS-FOLDER (written by tools/scale-corpus)");
            System.exit(2);
        }
        LanguageCorpus corpus = LanguageCorpus.at(args[0]);
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        // A first load and validation warms the language; what it leaves behind is the baseline.
        LanguageCorpus.requireNoErrors(corpus.folder(), pipeline.validate(pipeline.load(List.of(corpus.folder()))));
        long baseline = usedAfterGc();
        LoadedInputs loaded = pipeline.load(List.of(corpus.folder()));
        long afterLoad = usedAfterGc();
        pipeline.validate(loaded);
        long afterValidate = usedAfterGc();
        System.out.printf("corpus: %d files, %d lines%n", corpus.files().size(), corpus.lines());
        System.out.printf("heap used after GC, language set up, no corpus: %.1f MiB%n", mib(baseline));
        System.out.printf("heap used after GC, corpus loaded and linked: %.1f MiB (+%.1f MiB, %.0f bytes per line)%n",
                mib(afterLoad), mib(afterLoad - baseline), (double) (afterLoad - baseline) / corpus.lines());
        System.out.printf("heap used after GC, corpus loaded, linked and validated: %.1f MiB (+%.1f MiB, %.0f bytes per line)%n",
                mib(afterValidate), mib(afterValidate - baseline), (double) (afterValidate - baseline) / corpus.lines());
        // Keeps the corpus reachable until it has been measured.
        if (loaded.resources().isEmpty()) {
            throw new IllegalStateException("nothing loaded");
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several collections until the figure settles: weak and soft caches clear in rounds.
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
