package org.mexe.studio.diagram;

import java.util.Locale;

/**
 * Writes a laid-out diagram as standalone SVG text: no script, no external resources, fixed
 * number formats, so that the same diagram gives the same bytes. Each box is a link target
 * ({@code id}) and carries its source place as a tooltip.
 */
public final class SvgWriter {

    private SvgWriter() {
    }

    public static String write(LaidOutDiagram laidOut) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(n(laidOut.width()))
                .append("\" height=\"").append(n(laidOut.height())).append("\" viewBox=\"0 0 ").append(n(laidOut.width()))
                .append(' ').append(n(laidOut.height())).append("\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(laidOut.diagram().title())).append("</title>\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\""
                + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n");
        for (LaidOutDiagram.Route route : laidOut.routes()) {
            StringBuilder points = new StringBuilder();
            for (double[] point : route.points()) {
                points.append(points.isEmpty() ? "" : " ").append(n(point[0])).append(',').append(n(point[1]));
            }
            svg.append("<polyline class=\"edge\" points=\"").append(points).append("\" fill=\"none\" stroke=\"#444\""
                    + " stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>\n");
            String label = route.edge().label();
            if (label != null && !label.isEmpty() && !Double.isNaN(route.labelX())) {
                svg.append("<text x=\"").append(n(route.labelX())).append("\" y=\"").append(n(route.labelY() + 12))
                        .append("\" fill=\"#333\" font-size=\"10\">").append(escape(label)).append("</text>\n");
            }
        }
        for (Diagram.Node node : laidOut.diagram().nodes()) {
            LaidOutDiagram.Box box = laidOut.boxes().get(node.id());
            svg.append("<g class=\"node ").append(node.kind().name().toLowerCase(Locale.ROOT)).append("\" id=\"")
                    .append(escape(node.id())).append("\">\n");
            if (node.source() != null) {
                svg.append("<title>").append(escape(node.title() + " (" + node.source() + ")")).append("</title>\n");
            }
            svg.append("<rect x=\"").append(n(box.x())).append("\" y=\"").append(n(box.y())).append("\" width=\"")
                    .append(n(box.width())).append("\" height=\"").append(n(box.height())).append("\" rx=\"4\" fill=\"")
                    .append(fill(node)).append("\" stroke=\"").append(node.failed() ? "#b00020" : "#555")
                    .append("\" stroke-width=\"").append(node.failed() ? "2.5" : "1").append("\"/>\n");
            double x = box.x() + DiagramLayout.PADDING;
            double y = box.y() + DiagramLayout.PADDING + 12;
            svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-weight=\"bold\">")
                    .append(escape(clip(node.title()))).append("</text>\n");
            for (String line : node.lines()) {
                y += DiagramLayout.LINE_HEIGHT;
                svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\">").append(escape(clip(line)))
                        .append("</text>\n");
            }
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String fill(Diagram.Node node) {
        return switch (node.kind()) {
            case STAGE -> "#e8f0fe";
            case PARTY -> "#fef7e0";
            case DOMAIN -> "#e6f4ea";
            case CERTIFICATE -> "#f3e8fd";
            case HANDSET -> "#fce8e6";
            case APPLICATION -> "#e0f7fa";
            case SERVER -> "#f1f3f4";
            case PARAMETERS -> "#fff";
        };
    }

    private static String clip(String text) {
        return text.length() <= 48 ? text : text.substring(0, 47) + "…";
    }

    /** Coordinates with at most one decimal, in one locale: the same bytes on every machine. */
    private static String n(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
