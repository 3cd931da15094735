package org.mexe.studio.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.mexe.studio.dsl.ide.ProvIdeSetup;
import org.mexe.studio.dsl.ide.contentassist.ProvContentAssist;
import org.mexe.studio.dsl.ide.workspace.ProvWorkspace;
import org.mexe.studio.dsl.validation.TrustMaterial;
import org.mexe.studio.security.SecretResolver;

import com.google.inject.Injector;

/**
 * The IDE's index (ProvWorkspace, what the Eclipse editor and its builder use) on the scale corpus:
 * opening the corpus, a keystroke in a 5,000-line file until its problems are known, content assist
 * in it, and a change to the most referred-to file. Wall-clock medians of repeated runs in one warm
 * JVM, printed as a Markdown table for docs/performance.md:
 * {@code java -cp target/benchmarks.jar org.mexe.studio.benchmarks.IndexBenchmark CORPUS [RUNS]}.
 * It writes {@code CORPUS/idebench/big.prov} (5,000 lines) for the run and deletes it afterwards.
 */
public final class IndexBenchmark {

    private static final String MOST_REFERRED = "pki/operator/operator-000.prov";

    public static void main(String[] args) throws Exception {
        LanguageCorpus corpus = LanguageCorpus.at(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path big = corpus.folder().resolve("idebench/big.prov");
        Files.createDirectories(big.getParent());
        String bigText = bigFile();
        Files.writeString(big, bigText, StandardCharsets.UTF_8);
        try {
            run(corpus, big, bigText, runs);
        } finally {
            Files.deleteIfExists(big);
            Files.deleteIfExists(big.getParent());
        }
        System.exit(0);
    }

    private static void run(LanguageCorpus corpus, Path big, String bigText, int runs) throws Exception {
        Injector injector = new ProvIdeSetup().createInjectorAndDoEMFRegistration();
        ProvWorkspace workspace = injector.getInstance(ProvWorkspace.class);
        SecretResolver secrets = SecretResolver.fromProcessEnvironment();
        workspace.setResourceSetSetup(resourceSet -> TrustMaterial.useSecrets(resourceSet, secrets));
        long lines = corpus.lines() + bigText.lines().count();
        ProvWorkspace.Root root = new ProvWorkspace.Root(workspace.uri(corpus.folder().toUri()), "corpus");

        long open = time(() -> workspace.initialize(List.of(root)).get());
        int errors = (int) corpus.files().stream().mapToLong(file -> workspace.problems(workspace.uri(file.toUri())).orElse(List.of())
                .stream().filter(issue -> issue.getSeverity() == Severity.ERROR).count()).sum();
        List<Long> rebuilds = new ArrayList<>();
        for (int i = 0; i < Math.min(runs, 5); i++) {
            rebuilds.add(time(() -> workspace.rebuild().get()));
        }

        URI bigUri = workspace.uri(big.toUri());
        workspace.open(bigUri, bigText).get();
        int apn = bigText.indexOf("apn \"", bigText.length() / 2) + 5;
        List<Long> keystrokes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String typed = bigText.substring(0, apn) + (char) ('a' + i % 26) + bigText.substring(apn);
            keystrokes.add(time(() -> workspace.change(bigUri, typed).get()));
        }
        workspace.change(bigUri, bigText).get();

        ProvContentAssist assist = injector.getInstance(ProvContentAssist.class);
        int afterExtends = bigText.indexOf("extends ", bigText.length() / 2) + "extends ".length();
        List<Long> assists = new ArrayList<>();
        int[] proposals = new int[1];
        for (int i = 0; i < runs; i++) {
            assists.add(time(() -> workspace.read(bigUri, (document, resource) -> {
                proposals[0] = assist.proposals(resource, bigText, afterExtends).size();
                return null;
            }).get()));
        }

        Path most = corpus.folder().resolve(MOST_REFERRED);
        URI mostUri = workspace.uri(most.toUri());
        String mostText = Files.readString(most);
        workspace.open(mostUri, mostText).get();
        List<Long> valueEdits = new ArrayList<>();
        List<Long> nameEdits = new ArrayList<>();
        int quote = mostText.indexOf('"');
        for (int i = 0; i < runs; i++) {
            String valueEdit = mostText.substring(0, quote + 1) + "x" + mostText.substring(quote + 1);
            valueEdits.add(time(() -> workspace.change(mostUri, valueEdit).get()));
            workspace.change(mostUri, mostText).get();
            String added = mostText + "\nserver BenchAdded" + i + " {\n\turl \"http://added.example/\"\n}\n";
            nameEdits.add(time(() -> workspace.change(mostUri, added).get()));
            workspace.change(mostUri, mostText).get();
        }

        System.out.printf("corpus: %d files, %d lines (with the 5,000-line idebench/big.prov); errors after opening: %d%n",
                corpus.files().size() + 1, lines, errors);
        System.out.println("| what | median | min | max | runs |");
        System.out.println("|---|---|---|---|---|");
        row("open the corpus (index built, every file validated), first time", List.of(open));
        row("the same again, warm (" + String.format("%,d", lines * 1000 / median(rebuilds)) + " lines/s)", rebuilds);
        row("keystroke in a 5,000-line file to its problems (reparse, index, validate)", keystrokes);
        row("content assist in it (" + proposals[0] + " proposals)", assists);
        row("change of a value in " + MOST_REFERRED + " (names unchanged)", valueEdits);
        row("change of its names (an element added) in " + MOST_REFERRED, nameEdits);
    }

    private static void row(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("| %s | %,d ms | %,d ms | %,d ms | %d |%n", what, median(millis), sorted.get(0), sorted.get(sorted.size() - 1),
                millis.size());
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long time(Callable<?> work) throws Exception {
        long start = System.nanoTime();
        work.call();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** 500 parameter sets of ten lines, each extending a national set of the corpus: 5,000 lines with cross-file links. */
    static String bigFile() {
        StringBuilder text = new StringBuilder("// 5,000 lines for the IDE benchmark (IndexBenchmark writes and deletes this file).\nnamespace acme.idebench\n");
        for (int i = 0; i < 500; i++) {
            text.append("parameters Bench").append(i).append(" extends acme.settings.national.NationalAccess029x1 {\n")
                    .append("\tgprs {\n\t\tapn \"bench").append(i).append(".acme.example\"\n\t}\n")
                    .append("\twap {\n\t\thomepage \"http://wap.bench").append(i).append(".acme.example/\"\n")
                    .append("\t\tbookmark \"News\" \"http://wap.bench").append(i).append(".acme.example/news\"\n\t}\n}\n\n");
        }
        return text.toString();
    }
}
