package org.mexe.studio.ui.editor;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.ui.ProvIndex;

/**
 * What a view shows for the caret of a .prov editor, kept up to date as the caret moves and the
 * text changes: {@code read} runs on the index's resource once it holds the editor's text (off
 * the UI thread), {@code show} gets its answer on the UI thread, and an answer overtaken by a
 * newer caret position is dropped. The views that follow the caret (Scenario Flow, Payload
 * Inspector) are this and their drawing.
 */
public final class CaretFollower<T> implements ISelectionListener {

    private final Control control;
    private final BiFunction<XtextResource, Integer, Optional<T>> read;
    private final BiConsumer<ITextEditor, T> show;
    private int generation;

    private CaretFollower(Control control, BiFunction<XtextResource, Integer, Optional<T>> read, BiConsumer<ITextEditor, T> show) {
        this.control = control;
        this.read = read;
        this.show = show;
    }

    /** Follows the caret on {@code page} from now on, starting with the active editor's. */
    public static <T> CaretFollower<T> install(IWorkbenchPage page, Control control, BiFunction<XtextResource, Integer, Optional<T>> read,
            BiConsumer<ITextEditor, T> show) {
        CaretFollower<T> follower = new CaretFollower<>(control, read, show);
        page.addPostSelectionListener(follower);
        Navigation.activeEditor().ifPresent(editor -> follower.follow(editor,
                ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset()));
        return follower;
    }

    public void uninstall(IWorkbenchPage page) {
        page.removePostSelectionListener(this);
    }

    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part instanceof ITextEditor editor && selection instanceof ITextSelection at) {
            follow(editor, at.getOffset());
        }
    }

    private void follow(ITextEditor editor, int offset) {
        IDocument document = Navigation.document(editor);
        if (document == null || ProvIndex.uri(document).isEmpty()) {
            return;
        }
        int request = ++generation;
        EditorDocuments.read(document, (doc, resource) -> read.apply(resource, offset))
                .thenAccept(answer -> control.getDisplay().asyncExec(() -> {
                    if (!control.isDisposed() && request == generation && answer.isPresent()) {
                        show.accept(editor, answer.get());
                    }
                }));
    }
}
