package org.mexe.studio.ui.outline;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.mexe.studio.ui.ProvLanguage;

/** Gives the Generic Editor an outline page when it shows a .prov file: the Outline view asks its editor for one. */
public final class OutlineAdapters implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (type == IContentOutlinePage.class && adaptable instanceof ITextEditor editor
                && editor.getEditorInput() instanceof IFileEditorInput input
                && ProvLanguage.FILE_EXTENSION.equals(input.getFile().getFileExtension())) {
            return type.cast(new ProvOutlinePage(editor));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IContentOutlinePage.class };
    }
}
