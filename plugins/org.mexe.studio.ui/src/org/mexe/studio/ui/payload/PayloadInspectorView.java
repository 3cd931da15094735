package org.mexe.studio.ui.payload;

import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.jface.resource.JFaceResources;
import org.mexe.studio.dsl.ide.payload.PayloadInspection;
import org.mexe.studio.ui.editor.CaretFollower;

/**
 * Payload Inspector: the delivery under the caret of a .prov editor, live as you type, as
 * {@link PayloadInspection} encodes it — sizes against the target handsets, the document, the
 * WBXML, the WSP push and every SMS as hex dumps. No secret is read: passwords are stand-ins.
 */
public final class PayloadInspectorView extends ViewPart {

    public static final String ID = "org.mexe.studio.ui.payloadInspectorView";

    private StyledText text;
    private volatile Optional<PayloadInspection.Inspection> shown = Optional.empty();
    private CaretFollower<PayloadInspection.Inspection> follower;

    @Override
    public void createPartControl(Composite parent) {
        text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        Font mono = JFaceResources.getTextFont();
        text.setFont(mono);
        text.setText("Put the caret in a deliver stage of a .prov file.");
        follower = CaretFollower.install(getSite().getPage(), text, PayloadInspection::at, (editor, inspection) -> show(inspection));
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.uninstall(getSite().getPage());
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    /** What the view shows now. */
    public Optional<PayloadInspection.Inspection> inspection() {
        return shown;
    }

    /** The view's text, as the user sees it. UI thread. */
    public String text() {
        return text.getText();
    }

    private void show(PayloadInspection.Inspection inspection) {
        shown = Optional.of(inspection);
        setContentDescription(inspection.delivery());
        StringBuilder all = new StringBuilder();
        for (PayloadInspection.Section section : inspection.sections()) {
            all.append("== ").append(section.title()).append(": ").append(section.summary()).append('\n');
            if (!section.text().isEmpty()) {
                all.append(section.text()).append(section.text().endsWith("\n") ? "" : "\n");
            }
            all.append('\n');
        }
        int top = text.getTopIndex();
        text.setText(all.toString());
        text.setTopIndex(top);
    }
}
