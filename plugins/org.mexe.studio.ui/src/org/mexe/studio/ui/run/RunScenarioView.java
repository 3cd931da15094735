package org.mexe.studio.ui.run;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.part.ViewPart;
import org.mexe.studio.run.ScenarioRun;
import org.mexe.studio.run.Timeline;
import org.mexe.studio.run.TraceEvent;

/**
 * The trace of the last scenario run: one branch per scenario and handset, one row per stage with
 * its outcome and summary, the facts below it. {@link #timeline()} is the same text the CLI prints.
 */
public final class RunScenarioView extends ViewPart {

    public static final String ID = "org.mexe.studio.ui.runScenarioView";

    private Tree tree;
    private TreeItem current;
    private StringBuilder timeline = new StringBuilder();
    private Timeline printer = new Timeline(timeline::append);

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setHeaderVisible(true);
        column("Stage", 260);
        column("Outcome", 80);
        column("What happened", 700);
    }

    private void column(String title, int width) {
        TreeColumn column = new TreeColumn(tree, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }

    /** Clears the view for a new run titled {@code title}. Any thread. */
    void start(String title) {
        ui(() -> {
            tree.removeAll();
            current = null;
            timeline = new StringBuilder();
            printer = new Timeline(timeline::append);
            setContentDescription(title);
        });
    }

    /** Adds one event. Any thread: the run's job calls it as each stage ends. */
    void add(TraceEvent event) {
        ui(() -> {
            printer.accept(event);
            String header = Timeline.header(event);
            if (current == null || !current.getText(0).equals(header)) {
                current = new TreeItem(tree, SWT.NONE);
                current.setText(0, header);
                current.setExpanded(true);
            }
            TreeItem row = new TreeItem(current, SWT.NONE);
            row.setText(new String[] { (event.stage() == 0 ? "" : event.stage() + " ") + event.kind(), event.outcome().label(), event.summary() });
            if (event.outcome() == TraceEvent.Outcome.FAILED) {
                row.setForeground(1, tree.getDisplay().getSystemColor(SWT.COLOR_RED));
                current.setForeground(0, tree.getDisplay().getSystemColor(SWT.COLOR_RED));
            }
            event.facts().forEach((name, value) -> new TreeItem(row, SWT.NONE).setText(new String[] { name, "", value }));
            row.setExpanded(event.outcome() == TraceEvent.Outcome.FAILED);
            current.setExpanded(true);
            tree.showItem(row);
        });
    }

    /** The run's last line. Any thread. */
    void finish(String verdict) {
        ui(() -> {
            timeline.append(verdict).append(System.lineSeparator());
            setContentDescription(getContentDescription() + ": " + verdict);
        });
    }

    void finish(ScenarioRun.Result result) {
        finish(Timeline.verdict(result));
    }

    /** The trace as the CLI prints it. UI thread. */
    public String timeline() {
        return timeline.toString();
    }

    private void ui(Runnable task) {
        Display display = tree == null || tree.isDisposed() ? null : tree.getDisplay();
        if (display == null) {
            return;
        }
        display.asyncExec(() -> {
            if (!tree.isDisposed()) {
                task.run();
            }
        });
    }
}
