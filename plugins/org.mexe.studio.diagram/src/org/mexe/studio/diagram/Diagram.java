package org.mexe.studio.diagram;

import java.util.List;

/**
 * A diagram before layout: boxes with a title and a few lines of text, and arrows between them.
 * The same model feeds the review report (as SVG) and the IDE's diagram view; ids are stable
 * (qualified names and stage numbers), so that a box can lead back to the text it stands for.
 */
public record Diagram(String title, List<Node> nodes, List<Edge> edges) {

    public Diagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** What a box stands for; the SVG gives each kind its own colour. */
    public enum Kind { STAGE, PARTY, DOMAIN, CERTIFICATE, HANDSET, APPLICATION, SERVER, PARAMETERS }

    /**
     * A box. {@code source} is where the element was written ({@code file:line}), when it was;
     * {@code failed} marks a box that a check or a run found at fault.
     */
    public record Node(String id, Kind kind, String title, List<String> lines, String source, boolean failed) {

        public Node {
            lines = List.copyOf(lines);
        }

        public Node(String id, Kind kind, String title, List<String> lines, String source) {
            this(id, kind, title, lines, source, false);
        }
    }

    public record Edge(String from, String to, String label) {
    }
}
