package org.mexe.studio.diagram;

import java.util.List;
import java.util.Map;

/** A diagram with the positions that ELK gave its boxes and arrows, in pixels from the top left. */
public record LaidOutDiagram(Diagram diagram, Map<String, Box> boxes, List<Route> routes, double width, double height) {

    public record Box(double x, double y, double width, double height) {
    }

    /** An arrow: the edge and the points of its path, start first. */
    public record Route(Diagram.Edge edge, List<double[]> points, double labelX, double labelY) {
    }
}
