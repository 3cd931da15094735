package org.mexe.studio.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles MIDlet sources in memory with the JDK's compiler, as {@code javac -source 8 -target 8
 * -bootclasspath cldcapi11.jar:midpapi20.jar} would: the platform classes are CLDC 1.1 and MIDP
 * 2.0 only, so code that uses anything else (a {@code StringBuilder}, which string {@code +}
 * needs) fails here rather than on the phone.
 */
public final class MidletCompiler {

    private MidletCompiler() {
    }

    /**
     * Class files by their path in the JAR ({@code org/x/Y.class}), sorted, for {@code sources}
     * given by their path ({@code org/x/Y.java}) and text.
     */
    public static SortedMap<String, byte[]> compile(Map<String, String> sources) throws ToolchainException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new ToolchainException("This Java runtime has no compiler (javax.tools): run the studio on a JDK, not a JRE,"
                    + " to build MIDlets.");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.PLATFORM_CLASS_PATH, MidpApi.jars());
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            var manager = new ForwardingJavaFileManager<StandardJavaFileManager>(standard) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                    String path = className.replace('.', '/') + kind.extension;
                    return new SimpleJavaFileObject(URI.create("mem:///" + path), kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            return new ByteArrayOutputStream() {
                                @Override
                                public void close() {
                                    classes.put(path, toByteArray());
                                }
                            };
                        }
                    };
                }
            };
            List<JavaFileObject> units = new ArrayList<>();
            new TreeMap<>(sources).forEach((path, text) -> units.add(new SimpleJavaFileObject(URI.create("mem:///" + path), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            }));
            // -g:source,lines keeps stack traces readable on the phone without local variable tables.
            List<String> options = List.of("-source", "8", "-target", "8", "-Xlint:-options", "-g:source,lines", "-encoding", "UTF-8",
                    "-proc:none");
            boolean compiled = compiler.getTask(null, manager, diagnostics, options, null, units).call();
            if (!compiled) {
                StringBuilder message = new StringBuilder("The MIDlet source does not compile against CLDC 1.1/MIDP 2.0:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        String file = d.getSource() == null ? "?" : d.getSource().toUri().getPath().substring(1);
                        message.append("\n  ").append(file).append(':').append(d.getLineNumber()).append(':').append(d.getColumnNumber())
                                .append(": ").append(d.getMessage(Locale.ROOT));
                    }
                }
                throw new ToolchainException(message.toString());
            }
        } catch (IOException e) {
            throw new ToolchainException("The Java compiler failed: " + e.getMessage(), e);
        }
        return classes;
    }
}
