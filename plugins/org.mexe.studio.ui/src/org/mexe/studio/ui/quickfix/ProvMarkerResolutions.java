package org.mexe.studio.ui.quickfix;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.mexe.studio.dsl.ide.quickfix.ProvQuickFixes;
import org.mexe.studio.dsl.ide.quickfix.ProvQuickFixes.Fix;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.builder.ProvMarkers;

/**
 * Quick fixes (Ctrl+1 in the editor, and in the Problems view) for the problems of a .prov file:
 * dsl.ide's fixes for the marker's issue code, computed on the index, applied to the file's text.
 */
public final class ProvMarkerResolutions implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return ProvQuickFixes.CODES.contains(marker.getAttribute(ProvMarkers.CODE, ""));
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        return fixes(marker).stream().map(fix -> new Resolution(fix)).toArray(IMarkerResolution[]::new);
    }

    /** The fixes of a marker's problem, from the index. */
    public static List<Fix> fixes(IMarker marker) {
        String code = marker.getAttribute(ProvMarkers.CODE, null);
        int offset = marker.getAttribute(IMarker.CHAR_START, -1);
        if (code == null || offset < 0 || !(marker.getResource() instanceof IFile file)) {
            return List.of();
        }
        URI uri = ProvIndex.uri(file).orElse(null);
        if (uri == null) {
            return List.of();
        }
        ProvQuickFixes service = ProvLanguage.injector().getInstance(ProvQuickFixes.class);
        try {
            List<Fix> fixes = ProvIndex.workspace().read(uri, (document, resource) -> service.fixes(resource, code, offset))
                    .get(30, TimeUnit.SECONDS);
            return fixes == null ? List.of() : fixes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            ILog.of(ProvMarkerResolutions.class).error("Computing quick fixes failed", e);
            return List.of();
        }
    }

    /** Applies a fix to a file: in its editor's document when open, else to the file, which is saved. */
    public static void apply(IFile file, Fix fix) throws Exception {
        ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
        buffers.connect(file.getFullPath(), LocationKind.IFILE, null);
        try {
            ITextFileBuffer buffer = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
            boolean saveAfter = !buffer.isDirty() && !buffer.isShared();
            IDocument document = buffer.getDocument();
            for (ProvQuickFixes.Edit edit : fix.edits().stream().sorted((a, b) -> Integer.compare(b.offset(), a.offset())).toList()) {
                document.replace(edit.offset(), edit.length(), edit.text());
            }
            if (saveAfter) {
                buffer.commit(null, true);
            }
        } finally {
            buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
        }
    }

    private record Resolution(Fix fix) implements IMarkerResolution2 {
        @Override
        public String getLabel() {
            return fix.title();
        }

        @Override
        public void run(IMarker marker) {
            try {
                apply((IFile) marker.getResource(), fix);
            } catch (BadLocationException e) {
                ILog.of(ProvMarkerResolutions.class).warn("The text changed since the problem was found: " + fix.title() + " was not applied");
            } catch (Exception e) {
                ILog.of(ProvMarkerResolutions.class).error("Quick fix " + fix.title() + " failed", e);
            }
        }

        @Override
        public String getDescription() {
            return fix.title();
        }

        @Override
        public Image getImage() {
            return null;
        }
    }
}
