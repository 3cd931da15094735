package org.mexe.studio.run;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.mexe.studio.server.InstallNotification;
import org.mexe.studio.server.ProvisioningServer;

/**
 * Starts an installed MIDlet suite in MicroEmulator's headless MIDP 2.0 runtime, in a process of
 * its own, and watches the provisioning server for the status reports the generated bootstrap
 * posts. The emulator reaches the model's host names through the simulated network: its HTTP
 * proxy is the loopback server that stands in for them.
 */
final class MidletRunner {

    /** Where the CLI distribution keeps MicroEmulator ({@code org.microemu:microemulator:2.0.4}, LGPL). */
    static final String JAR = "microemulator-2.0.4.jar";

    /** What became of the MIDlet: whether it started, one line, and the facts behind it. */
    record Outcome(boolean started, String summary, Map<String, String> facts) {
    }

    private MidletRunner() {
    }

    /** The system property that names MicroEmulator's jar where prov's lib folder is not at hand (the IDE: eclipse.ini). */
    static final String EMULATOR_PROPERTY = "prov.microemulator";

    /** MicroEmulator: the given jar, else {@value #EMULATOR_PROPERTY}, else the one beside the run's own classes (the CLI's lib folder). */
    static Optional<Path> emulator(Optional<Path> given) {
        if (given.isPresent()) {
            return given.filter(Files::isRegularFile);
        }
        String property = System.getProperty(EMULATOR_PROPERTY);
        if (property != null) {
            return Optional.of(Path.of(property)).filter(Files::isRegularFile);
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            Path candidate = path.getFileName() != null && path.getFileName().toString().startsWith("microemulator") ? path
                    : path.resolveSibling(JAR);
            if (Files.isRegularFile(candidate) && candidate.getFileName().toString().startsWith("microemulator")) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The installed suite's descriptor as MicroEmulator can read it. It parses a JAD with
     * {@code java.util.jar.Manifest}, which refuses lines over 512 bytes, and a signed JAD's
     * certificate line is longer: the lines are folded as a manifest folds them (72 bytes, a space
     * before each continuation), every attribute kept. The handset's installer has already checked
     * the suite as received; MicroEmulator checks no signature.
     */
    static byte[] foldedDescriptor(org.mexe.studio.security.MidletSuiteSigner.Jad jad) {
        StringBuilder out = new StringBuilder();
        jad.attributes().forEach((name, value) -> {
            byte[] line = (name + ": " + value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int limit = 70;
            for (int start = 0; start < line.length; start += limit, limit = 69) {
                out.append(start == 0 ? "" : " ").append(new String(line, start, Math.min(limit, line.length - start),
                        java.nio.charset.StandardCharsets.UTF_8)).append("\r\n");
            }
        });
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static Outcome run(Path emulator, URI jadUri, org.mexe.studio.security.MidletSuiteSigner.Jad descriptor, InetSocketAddress gateway,
            ProvisioningServer server, Map<String, String> answers, String expectedFlow, Duration patience, Path work)
            throws InterruptedException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("runtime", "MicroEmulator (headless MIDP 2.0, CLDC 1.1), HTTP through the simulated network");
        String notifyPath = jadUri.getPath() + "/install-notify";
        Path log = work.resolve("emulator.log");
        Path jad = work.resolve("installed.jad");
        Optional<Path> self = ownLocation(work);
        try {
            Files.write(jad, foldedDescriptor(descriptor));
        } catch (IOException e) {
            return new Outcome(false, "cannot hand the descriptor to MicroEmulator: " + e.getMessage(), facts);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true",
                "-Dhttp.proxyHost=" + gateway.getHostString(), "-Dhttp.proxyPort=" + gateway.getPort(), "-Dhttp.nonProxyHosts=", "-cp"));
        if (self.isPresent()) {
            command.addAll(List.of(emulator + File.pathSeparator + self.get(), ScriptedUser.class.getName(), jad.toUri().toString()));
            answers.forEach((label, answer) -> command.add(label + "=" + answer));
        } else {
            facts.put("user", "not scripted: the scripted user's class cannot be handed to the emulator");
            command.addAll(List.of(emulator.toString(), "org.microemu.app.Headless", jad.toUri().toString()));
        }
        Process process;
        int before = server.installNotifications().size();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")))
                    .start();
        } catch (IOException e) {
            return new Outcome(false, "MicroEmulator does not start: " + e.getMessage(), facts);
        }
        Map<String, InstallNotification> steps = new LinkedHashMap<>();
        // The emulator must not outlive prov, whatever ends it.
        Thread stopEmulator = new Thread(process::destroyForcibly, "prov-run-emulator-stop");
        Runtime.getRuntime().addShutdownHook(stopEmulator);
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline && !steps.containsKey("done") && !steps.containsKey("cancelled")) {
                var reports = server.installNotifications();
                for (InstallNotification notification : reports.subList(Math.min(before, reports.size()), reports.size())) {
                    String step = notification.report().get("Prov-Step");
                    if (notification.path().equals(notifyPath) && step != null) {
                        steps.putIfAbsent(step, notification);
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopEmulator);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs and finds the emulator gone
            }
        }
        steps.forEach((step, notification) -> facts.put("report " + step, describe(notification)));
        if (!steps.containsKey("started")) {
            facts.put("emulator log", tail(log));
            return new Outcome(false, "no report from the MIDlet within " + patience.toSeconds() + " s", facts);
        }
        if (!steps.containsKey("done")) {
            facts.put("emulator log", tail(log));
            return new Outcome(false, "the MIDlet started but did not finish its flow: the last report was '"
                    + String.join("', '", steps.keySet()) + "'", facts);
        }
        String flow = steps.get("done").report().getOrDefault("Prov-Flow", "");
        if (!flow.equals(expectedFlow)) {
            return new Outcome(false, "the MIDlet ran the flow of " + flow + ", not of " + expectedFlow + ": the JAD the handset was"
                    + " led to (" + jadUri + ") carries Prov-Flow " + descriptor.attributes().getOrDefault("Prov-Flow", "(none)")
                    + "; give this scenario's delivered settings a setup URL of its own", facts);
        }
        return new Outcome(true, "the MIDlet ran the flow of " + flow + ": started, answered, done", facts);
    }

    /** A report as the trace shows it: the status, then each line, with what the user typed masked. */
    private static String describe(InstallNotification notification) {
        StringBuilder text = new StringBuilder().append(notification.code()).append(' ')
                .append(notification.status().map(s -> s.message()).orElse(""));
        notification.report().forEach((name, value) -> {
            if (!name.equals("Prov-Step")) {
                text.append("; ").append(name).append(": ").append(name.startsWith("Prov-Field-") ? org.mexe.studio.codec.cp.ProvCont.MASK : value);
            }
        });
        return text.toString();
    }

    /**
     * A class folder holding {@link ScriptedUser} alone, for the emulator's class path: copied from
     * the run's own classes, wherever they are (a jar, a folder, an OSGi bundle in the IDE).
     */
    private static Optional<Path> ownLocation(Path work) {
        String resource = ScriptedUser.class.getSimpleName() + ".class";
        try (var in = ScriptedUser.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Path folder = work.resolve("user");
            Path target = folder.resolve(ScriptedUser.class.getPackageName().replace('.', '/')).resolve(resource);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            return Optional.of(folder);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
