package org.mexe.studio.dsl.ide.workspace;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a new .prov file starts with: the namespace its folder suggests. */
public final class NewFiles {

    private NewFiles() {
    }

    /**
     * The namespace of a file in {@code folders} (the folders from the project down, e.g.
     * {@code [scenarios, north]}), or {@code fallback} for the project's root: the folder names in
     * lower case with what a name may not hold left out.
     */
    public static String namespace(List<String> folders, String fallback) {
        String joined = folders.stream()
                .map(folder -> folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", ""))
                .map(segment -> !segment.isEmpty() && Character.isDigit(segment.charAt(0)) ? "_" + segment : segment)
                .filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("."));
        return joined.isEmpty() ? fallback : joined;
    }

    /** The text of a new file in {@code namespace}. */
    public static String content(String namespace) {
        return "namespace " + namespace + "\n\n";
    }

    /** A starter scenario that validates: one parameter set delivered unsigned to one handset number. */
    public static String starter(String namespace) {
        return """
                namespace %s

                // The connection settings the handsets get.
                parameters HomeNetwork {
                	gprs {
                		apn "internet.operator.example"
                	}
                	www {
                		proxy "10.0.0.8"
                		port 8080
                		homepage "http://wap.operator.example/start"
                	}
                }

                scenario NewHandset {
                	deliver HomeNetwork {
                		format oma-cp
                		security none
                		to "+447700900123"
                	}
                }
                """.formatted(namespace);
    }
}
