package org.mexe.studio.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.dsl.ide.quickfix.ProvQuickFixes;

import com.google.inject.Inject;

/**
 * The language server's code actions: for each diagnostic the client sends back, the quick fixes
 * {@link ProvQuickFixes} has for its code, as workspace edits of the file.
 */
public class ProvCodeActionService implements ICodeActionService2 {

    @Inject
    private ProvQuickFixes quickFixes;

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        if (options.getCodeActionParams().getContext() == null) {
            return List.of();
        }
        if (options.getDocument() != null && options.getResource() instanceof XtextResource resource) {
            return codeActions(options.getDocument(), resource, options.getURI(), options.getCodeActionParams().getContext().getDiagnostics());
        }
        // Xtext's server hands over only the URI: the document and resource come from its workspace.
        return options.getLanguageServerAccess().doSyncRead(options.getURI(), context -> context.getResource() instanceof XtextResource resource
                ? codeActions(context.getDocument(), resource, options.getURI(), options.getCodeActionParams().getContext().getDiagnostics())
                : List.of());
    }

    /** The quick fixes of {@code diagnostics} in the file {@code uri}, which {@code document} and {@code resource} hold. */
    public List<Either<Command, CodeAction>> codeActions(Document document, XtextResource resource, String uri, List<Diagnostic> diagnostics) {
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.getCode() == null || !diagnostic.getCode().isLeft()) {
                continue;
            }
            int offset = document.getOffSet(diagnostic.getRange().getStart());
            for (ProvQuickFixes.Fix fix : quickFixes.fixes(resource, diagnostic.getCode().getLeft(), offset)) {
                List<TextEdit> edits = fix.edits().stream()
                        .map(edit -> new TextEdit(new Range(document.getPosition(edit.offset()),
                                document.getPosition(edit.offset() + edit.length())), edit.text()))
                        .toList();
                CodeAction action = new CodeAction(fix.title());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(diagnostic));
                action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
                actions.add(Either.forRight(action));
            }
        }
        return actions;
    }
}
