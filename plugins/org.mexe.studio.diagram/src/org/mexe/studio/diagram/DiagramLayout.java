package org.mexe.studio.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link Diagram} out with Eclipse ELK's layered algorithm (left to right, orthogonal
 * arrows). Box sizes come from the text they hold, measured in a fixed-width font, so the layout
 * depends on nothing but the diagram: the same diagram gives the same positions everywhere.
 */
public final class DiagramLayout {

    /** The text metrics the SVG writer draws with: 12 px monospace. */
    public static final double CHAR_WIDTH = 7.2;
    public static final double LINE_HEIGHT = 16;
    public static final double PADDING = 8;

    private static boolean registered;

    private DiagramLayout() {
    }

    /** ELK finds its algorithms through Eclipse extensions, which a plain classpath lacks: registered here for both. */
    private static synchronized void registerAlgorithms() {
        if (!registered) {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            registered = true;
        }
    }

    public static LaidOutDiagram layout(Diagram diagram, boolean leftToRight) {
        registerAlgorithms();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, leftToRight ? Direction.RIGHT : Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(16));
        // A long chain of stages wraps into rows instead of running off the page.
        root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
        root.setProperty(CoreOptions.ASPECT_RATIO, 3.0);

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Diagram.Node node : diagram.nodes()) {
            ElkNode box = ElkGraphUtil.createNode(root);
            box.setIdentifier(node.id());
            box.setDimensions(width(node), height(node));
            nodes.put(node.id(), box);
        }
        Map<ElkEdge, Diagram.Edge> edges = new LinkedHashMap<>();
        for (Diagram.Edge edge : diagram.edges()) {
            ElkNode from = nodes.get(edge.from());
            ElkNode to = nodes.get(edge.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("The arrow " + edge + " joins a box the diagram does not have.");
            }
            ElkEdge arrow = ElkGraphUtil.createSimpleEdge(from, to);
            if (edge.label() != null && !edge.label().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(edge.label(), arrow);
                label.setDimensions(edge.label().length() * CHAR_WIDTH * 0.85, LINE_HEIGHT);
            }
            edges.put(arrow, edge);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, LaidOutDiagram.Box> boxes = new LinkedHashMap<>();
        nodes.forEach((id, box) -> boxes.put(id, new LaidOutDiagram.Box(box.getX(), box.getY(), box.getWidth(), box.getHeight())));
        List<LaidOutDiagram.Route> routes = new ArrayList<>();
        edges.forEach((arrow, edge) -> {
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection section : arrow.getSections()) {
                points.add(new double[] { section.getStartX(), section.getStartY() });
                for (ElkBendPoint bend : section.getBendPoints()) {
                    points.add(new double[] { bend.getX(), bend.getY() });
                }
                points.add(new double[] { section.getEndX(), section.getEndY() });
            }
            double labelX = Double.NaN;
            double labelY = Double.NaN;
            if (!arrow.getLabels().isEmpty()) {
                labelX = arrow.getLabels().get(0).getX();
                labelY = arrow.getLabels().get(0).getY();
            }
            routes.add(new LaidOutDiagram.Route(edge, points, labelX, labelY));
        });
        return new LaidOutDiagram(diagram, boxes, routes, root.getWidth(), root.getHeight());
    }

    static double width(Diagram.Node node) {
        int longest = node.title().length() + 2;
        for (String line : node.lines()) {
            longest = Math.max(longest, line.length());
        }
        return Math.ceil(Math.min(longest, 48) * CHAR_WIDTH + 2 * PADDING);
    }

    static double height(Diagram.Node node) {
        return Math.ceil((1 + node.lines().size()) * LINE_HEIGHT + 2 * PADDING);
    }
}
