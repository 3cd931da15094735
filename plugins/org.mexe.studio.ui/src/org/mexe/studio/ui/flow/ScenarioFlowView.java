package org.mexe.studio.ui.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.diagram.Diagram;
import org.mexe.studio.diagram.DiagramLayout;
import org.mexe.studio.diagram.LaidOutDiagram;
import org.mexe.studio.diagram.ProvisioningDiagrams;
import org.mexe.studio.dsl.ide.model.ElementAt;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.ui.editor.CaretFollower;

/**
 * Scenario Flow: the stages of the scenario under the caret of a .prov editor, laid out by ELK
 * exactly as the review report draws them ({@link ProvisioningDiagrams#scenarioFlow}), following
 * the caret and the text as they change. A click on a stage selects its text in the editor.
 */
public final class ScenarioFlowView extends ViewPart {

    public static final String ID = "org.mexe.studio.ui.scenarioFlowView";
    private static final int MARGIN = 12;

    /** What the view draws: the laid-out diagram and, for each stage's box, where its text is. */
    public record Flow(String scenario, LaidOutDiagram diagram, Map<String, int[]> stageText) {
    }

    private ScrolledComposite scroller;
    private Canvas canvas;
    private Font bold;
    private volatile Flow flow;
    private ITextEditor editor;
    private CaretFollower<Flow> follower;

    @Override
    public void createPartControl(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
        scroller.setContent(canvas);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        FontData data = canvas.getFont().getFontData()[0];
        bold = new Font(parent.getDisplay(), data.getName(), data.getHeight(), SWT.BOLD);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.MouseDown, this::click);
        setContentDescription("Put the caret in a scenario of a .prov file.");
        follower = CaretFollower.install(getSite().getPage(), canvas, ScenarioFlowView::build, (source, built) -> {
            editor = source;
            show(built);
        });
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.uninstall(getSite().getPage());
        }
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    /** What the view shows now; empty until a scenario was under the caret. */
    public Optional<Flow> flow() {
        return Optional.ofNullable(flow);
    }

    /** The flow of the scenario whose text holds {@code offset}; read under the index's lock. */
    static Optional<Flow> build(XtextResource resource, int offset) {
        return ElementAt.of(resource, offset, Scenario.class).map(scenario -> {
            String prefix = ProvisioningDiagrams.qualifiedName(scenario);
            Diagram diagram = ProvisioningDiagrams.scenarioFlow(scenario, stage -> List.of(), element -> {
                ICompositeNode at = NodeModelUtils.findActualNodeFor(element);
                return at == null || element.eResource() != resource ? null : "line " + at.getStartLine();
            });
            Map<String, int[]> stageText = new LinkedHashMap<>();
            int number = 0;
            for (Stage stage : scenario.getStages()) {
                number++;
                ICompositeNode stageNode = NodeModelUtils.findActualNodeFor(stage);
                if (stageNode != null) {
                    stageText.put(prefix + "#" + number, new int[] { stageNode.getOffset(), stageNode.getLength() });
                }
            }
            return new Flow(prefix, DiagramLayout.layout(diagram, true), stageText);
        });
    }

    private void show(Flow next) {
        flow = next;
        setContentDescription(next.diagram().diagram().title() + ": click a stage to select its text");
        canvas.setSize((int) Math.ceil(next.diagram().width()) + 2 * MARGIN, (int) Math.ceil(next.diagram().height()) + 2 * MARGIN);
        canvas.redraw();
    }

    private void paint(Event event) {
        Flow current = flow;
        if (current == null) {
            return;
        }
        GC gc = event.gc;
        gc.setAntialias(SWT.ON);
        Color line = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        Color stageFill = new Color(canvas.getDisplay(), 0xE8, 0xF0, 0xFB);
        Color otherFill = new Color(canvas.getDisplay(), 0xF4, 0xF4, 0xF4);
        try {
            gc.setForeground(line);
            for (LaidOutDiagram.Route route : current.diagram().routes()) {
                List<double[]> points = route.points();
                for (int i = 1; i < points.size(); i++) {
                    gc.drawLine(x(points.get(i - 1)[0]), y(points.get(i - 1)[1]), x(points.get(i)[0]), y(points.get(i)[1]));
                }
                if (points.size() > 1) {
                    arrow(gc, points.get(points.size() - 2), points.get(points.size() - 1));
                }
                if (!route.edge().label().isEmpty()) {
                    gc.drawText(route.edge().label(), x(route.labelX()), y(route.labelY()), true);
                }
            }
            for (Diagram.Node node : current.diagram().diagram().nodes()) {
                LaidOutDiagram.Box box = current.diagram().boxes().get(node.id());
                if (box == null) {
                    continue;
                }
                gc.setBackground(node.kind() == Diagram.Kind.STAGE ? stageFill : otherFill);
                gc.fillRoundRectangle(x(box.x()), y(box.y()), (int) box.width(), (int) box.height(), 8, 8);
                gc.drawRoundRectangle(x(box.x()), y(box.y()), (int) box.width(), (int) box.height(), 8, 8);
                int textY = y(box.y()) + (int) DiagramLayout.PADDING;
                gc.setFont(bold);
                gc.drawText(node.title(), x(box.x()) + (int) DiagramLayout.PADDING, textY, true);
                gc.setFont(canvas.getFont());
                for (String text : node.lines()) {
                    textY += (int) DiagramLayout.LINE_HEIGHT;
                    gc.drawText(text, x(box.x()) + (int) DiagramLayout.PADDING, textY, true);
                }
            }
        } finally {
            stageFill.dispose();
            otherFill.dispose();
        }
    }

    private static void arrow(GC gc, double[] from, double[] to) {
        double angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
        for (double side : new double[] { -0.45, 0.45 }) {
            gc.drawLine(x(to[0]), y(to[1]), x(to[0] - 9 * Math.cos(angle + side)), y(to[1] - 9 * Math.sin(angle + side)));
        }
    }

    private static int x(double value) {
        return (int) Math.round(value) + MARGIN;
    }

    private static int y(double value) {
        return (int) Math.round(value) + MARGIN;
    }

    /** A click on a stage's box selects the stage's text in the editor the flow came from. */
    private void click(Event event) {
        Flow current = flow;
        if (current == null || editor == null) {
            return;
        }
        for (Map.Entry<String, int[]> stage : current.stageText().entrySet()) {
            LaidOutDiagram.Box box = current.diagram().boxes().get(stage.getKey());
            if (box != null && event.x >= x(box.x()) && event.x <= x(box.x() + box.width()) && event.y >= y(box.y())
                    && event.y <= y(box.y() + box.height())) {
                editor.selectAndReveal(stage.getValue()[0], stage.getValue()[1]);
                getSite().getPage().activate(editor);
                return;
            }
        }
    }

    /** The centre of a node's box on the canvas, for tests that click it. */
    public Optional<int[]> centre(String nodeId) {
        return flow().map(f -> f.diagram().boxes().get(nodeId)).map(box -> new int[] { x(box.x() + box.width() / 2), y(box.y() + box.height() / 2) });
    }

    /** The canvas, for tests that send it events. */
    public Canvas canvas() {
        return canvas;
    }
}
