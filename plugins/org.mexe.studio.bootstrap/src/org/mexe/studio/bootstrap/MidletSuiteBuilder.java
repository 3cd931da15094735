package org.mexe.studio.bootstrap;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;

/**
 * From MIDlet sources to a deterministic, preverified MIDlet suite JAR: compile against CLDC 1.1
 * and MIDP 2.0 ({@link MidletCompiler}), preverify ({@link Preverifier}), check every class as a
 * CLDC VM would ({@link ClassFiles}), pack ({@link MidletJar}). Signing is the JAD's business.
 */
public final class MidletSuiteBuilder {

    private MidletSuiteBuilder() {
    }

    /** The suite JAR: {@code manifest} in order (MIDlet-Name, MIDlet-1, ...), then the preverified classes. */
    public static byte[] build(Map<String, String> sources, Map<String, String> manifest) throws ToolchainException {
        SortedMap<String, byte[]> classes = Preverifier.preverify(MidletCompiler.compile(sources));
        for (var entry : classes.entrySet()) {
            try {
                ClassFiles.Summary summary = ClassFiles.read(entry.getValue());
                if (!summary.preverified()) {
                    throw new ToolchainException(entry.getKey() + " is not preverified for CLDC (class version " + summary.majorVersion()
                            + ", methods " + summary.methodsWithCode() + "): a phone would refuse the suite.");
                }
            } catch (IOException e) {
                throw new ToolchainException(entry.getKey() + " is not a readable class file after preverification: " + e.getMessage(), e);
            }
        }
        return MidletJar.pack(manifest, classes);
    }
}
