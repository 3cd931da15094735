package org.mexe.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.AtomicOutput;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.run.Fault;
import org.mexe.studio.run.RunException;
import org.mexe.studio.run.RunFile;
import org.mexe.studio.run.RunOptions;
import org.mexe.studio.run.ScenarioRun;
import org.mexe.studio.run.Timeline;
import org.mexe.studio.run.TraceEvent;
import org.mexe.studio.run.TraceJson;
import org.mexe.studio.security.SecretResolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov run}: a front door onto {@link ScenarioRun}, with no logic of its own. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = { "Runs scenarios end to end on loopback: an SMPP SMSC, the generated provisioning servers and one simulated"
                + " handset per handset profile, which receives the SMS, checks the MAC, connects, installs and runs the bootstrap"
                + " and the components. Prints the trace as a timeline; exits 0 only when every stage succeeded (4 when one failed).",
                "See docs/run.md." })
final class RunCommand implements Callable<Integer> {

    static final int EXIT_STAGE_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".prov files, or folders to search for them.")
    List<Path> paths;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Run this scenario only (simple or qualified name).")
    String scenario;

    @Option(names = "--user-pin", paramLabel = "PIN", description = "The PIN the simulated user types, instead of the one the"
            + " delivery gives the user (a wrong one shows how the handset refuses the settings).")
    String userPin;

    @Option(names = "--fault", paramLabel = "FAULT", description = "Put a fault in on purpose (repeatable): ${COMPLETION-CANDIDATES}.",
            completionCandidates = FaultNames.class)
    List<String> faults = new ArrayList<>();

    @Option(names = "--answer", paramLabel = "LABEL=VALUE", description = "What the simulated user answers the bootstrap (repeatable):"
            + " the entry to choose on the list with this title, or the text to type in the field with this label. Without it the"
            + " user takes the first entry and types \"DEMO <label>\".")
    java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();

    @Option(names = "--answers", paramLabel = "FILE", description = "A run file of the user's answers: one LABEL=VALUE a line, as"
            + " --answer takes them ('#' starts a comment); --answer wins over the file.")
    Path answersFile;

    @Option(names = "--trace", paramLabel = "FILE", description = "Also write the trace as JSON lines to FILE (replaced atomically).")
    Path trace;

    @Option(names = "--emulator", paramLabel = "JAR", description = "MicroEmulator's jar (default: the one in prov's lib folder).")
    Path emulator;

    private final SecretResolver secrets;

    RunCommand(SecretResolver secrets) {
        this.secrets = secrets;
    }

    static final class FaultNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FaultNames() {
            for (Fault fault : Fault.values()) {
                add(fault.option());
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<Fault> chosen = EnumSet.noneOf(Fault.class);
        for (String name : faults) {
            Optional<Fault> fault = Fault.of(name);
            if (fault.isEmpty()) {
                err.println("prov run: --fault " + name + " is not a fault; there are: " + Fault.options() + ".");
                return Prov.EXIT_USAGE;
            }
            chosen.add(fault.get());
        }
        java.util.Map<String, String> scripted = new java.util.LinkedHashMap<>();
        if (answersFile != null) {
            try {
                scripted.putAll(RunFile.answers(answersFile));
            } catch (RunException e) {
                err.println("prov run: " + e.getMessage());
                return Prov.EXIT_USAGE;
            }
        }
        scripted.putAll(answers);
        RunOptions options = RunOptions.defaults().withFaults(chosen).withAnswers(scripted);
        if (scenario != null) {
            options = options.withScenario(scenario);
        }
        if (userPin != null) {
            options = options.withUserPin(userPin);
        }
        if (emulator != null) {
            options = options.withEmulator(emulator);
        }
        try {
            ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
            var loaded = pipeline.load(paths, secrets);
            ScenarioRun.Result result = ScenarioRun.run(pipeline, loaded, secrets, options, new Timeline(text -> {
                out.print(text);
                out.flush();
            }));
            if (trace != null) {
                writeTrace(result.events());
            }
            out.println(Timeline.verdict(result));
            return result.succeeded() ? 0 : EXIT_STAGE_FAILED;
        } catch (GenerationException e) {
            err.println("prov run: " + e.getMessage());
            e.problems().forEach(p -> err.println(p.format()));
            return Prov.EXIT_INVALID_INPUT;
        } catch (RunException e) {
            err.println("prov run: " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        } catch (IOException e) {
            err.println("prov run: cannot write the trace " + trace + ": " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("prov run: interrupted; everything it started is stopped.");
            return EXIT_STAGE_FAILED;
        }
    }

    private void writeTrace(List<TraceEvent> events) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (TraceEvent event : events) {
            lines.append(TraceJson.line(event)).append('\n');
        }
        AtomicOutput.writeFile(trace, lines.toString().getBytes(StandardCharsets.UTF_8));
    }
}
