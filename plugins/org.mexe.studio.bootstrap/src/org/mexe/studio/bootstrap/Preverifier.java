package org.mexe.studio.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.stream.Stream;

import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ParseException;
import proguard.ProGuard;

/**
 * CLDC preverification with ProGuard ({@code com.guardsquare:proguard-base}): {@code -microedition
 * -target 1.4} rewrites the classes as version 48 with the CLDC {@code StackMap} attribute that a
 * KVM checks instead of running the full verifier; shrinking, obfuscation and optimisation stay
 * off, so the classes remain the ones the readable source describes. ProGuard rather than our
 * own StackMap writer: it is the preverifier J2ME developers already use, and it is maintained.
 */
public final class Preverifier {

    static {
        // ProGuard logs through log4j to standard output, its banner even with every level off
        // (Logger.always()). Generation summaries are ours to print: its loggers get no appender.
        var context = (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager
                .getContext(Preverifier.class.getClassLoader(), false);
        var silent = new org.apache.logging.log4j.core.config.LoggerConfig("proguard", org.apache.logging.log4j.Level.OFF, false);
        context.getConfiguration().addLogger("proguard", silent);
        context.updateLoggers();
    }

    private Preverifier() {
    }

    /** The preverified classes of {@code classes} (paths in the JAR to bytes), sorted. */
    public static SortedMap<String, byte[]> preverify(SortedMap<String, byte[]> classes) throws ToolchainException {
        Path work = null;
        try {
            work = Files.createTempDirectory("prov-preverify");
            Path in = work.resolve("in.jar");
            Path out = work.resolve("out.jar");
            Files.write(in, MidletJar.pack(null, classes));
            List<String> arguments = new ArrayList<>(List.of("-injars", in.toString(), "-outjars", out.toString()));
            for (Path api : MidpApi.jars()) {
                arguments.addAll(List.of("-libraryjars", api.toString()));
            }
            arguments.addAll(List.of("-microedition", "-target", "1.4", "-dontshrink", "-dontobfuscate", "-dontoptimize",
                    "-dontnote", "-dontwarn", "-forceprocessing"));
            Configuration configuration = new Configuration();
            try (ConfigurationParser parser = new ConfigurationParser(arguments.toArray(String[]::new), new Properties())) {
                parser.parse(configuration);
            }
            new ProGuard(configuration).execute();
            SortedMap<String, byte[]> preverified = MidletJar.read(Files.readAllBytes(out));
            preverified.keySet().removeIf(name -> !name.endsWith(".class"));
            if (!preverified.keySet().equals(classes.keySet())) {
                throw new ToolchainException("ProGuard returned the classes " + preverified.keySet() + " for " + classes.keySet()
                        + ": the preverifier changed the suite.");
            }
            return preverified;
        } catch (ParseException e) {
            throw new ToolchainException("ProGuard rejected its options: " + e.getMessage(), e);
        } catch (ToolchainException e) {
            throw e;
        } catch (Exception e) {
            throw new ToolchainException("Preverifying with ProGuard failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /** Removes the temporary folder this class made, and only that. */
    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
