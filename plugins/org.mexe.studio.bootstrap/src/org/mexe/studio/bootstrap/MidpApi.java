package org.mexe.studio.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLDC 1.1 and MIDP 2.0 API jars ({@code org.microemu:cldcapi11:2.0.4},
 * {@code org.microemu:midpapi20:2.0.4}) that generated MIDlets compile and preverify against.
 * They travel inside this bundle ({@code api/}) and are read through its class loader, which works
 * on a plain classpath and in OSGi alike; javac and ProGuard want files, so they are copied once
 * per process into a private temporary folder.
 */
public final class MidpApi {

    public static final List<String> JARS = List.of("cldcapi11.jar", "midpapi20.jar");

    private static List<Path> files;

    private MidpApi() {
    }

    /** The API jars as files, CLDC first. */
    public static synchronized List<Path> jars() throws ToolchainException {
        if (files != null) {
            return files;
        }
        try {
            Path folder = Files.createTempDirectory("prov-midp-api");
            folder.toFile().deleteOnExit();
            List<Path> copied = new ArrayList<>();
            for (String jar : JARS) {
                try (InputStream in = MidpApi.class.getResourceAsStream("/api/" + jar)) {
                    if (in == null) {
                        throw new ToolchainException("The API jar api/" + jar + " is missing from the bundle org.mexe.studio.bootstrap:"
                                + " rebuild it with Maven, which copies it from Maven Central.");
                    }
                    Path file = folder.resolve(jar);
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                    copied.add(file);
                }
            }
            files = List.copyOf(copied);
            return files;
        } catch (IOException e) {
            throw new ToolchainException("Cannot copy the CLDC/MIDP API jars to a temporary folder: " + e.getMessage(), e);
        }
    }
}
