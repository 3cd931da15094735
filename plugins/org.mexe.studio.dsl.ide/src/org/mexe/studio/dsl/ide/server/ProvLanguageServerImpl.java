package org.mexe.studio.dsl.ide.server;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Inject;

/**
 * Xtext's language server with the language's settings: generation on save, off by default, turned
 * on by the initialization option or the client setting {@code {"generateOnSave": true}} (optionally
 * {@code "outputFolder"}, relative to the workspace root; default {@value ServerSettings#DEFAULT_OUTPUT}).
 * Generation itself is the front door's {@link SaveAction}: this layer does not know the generator.
 */
public class ProvLanguageServerImpl extends LanguageServerImpl {

    @Inject
    private SaveAction saveAction;

    private volatile ServerSettings settings = ServerSettings.DEFAULTS;
    private volatile Path root;
    private volatile LanguageClient client;
    /** One generation at a time, in save order, off the request threads. */
    private final ExecutorService generations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "prov-generate-on-save");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        settings = ServerSettings.DEFAULTS.with(params.getInitializationOptions());
        root = getBaseDir(params) == null ? null : Path.of(java.net.URI.create(getBaseDir(params).toString()));
        return super.initialize(params);
    }

    @Override
    public void connect(LanguageClient client) {
        super.connect(client);
        this.client = client;
    }

    /** Saves are reported only to servers that ask for them. */
    @Override
    protected ServerCapabilities createServerCapabilities(InitializeParams params) {
        ServerCapabilities capabilities = super.createServerCapabilities(params);
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        capabilities.setTextDocumentSync(sync);
        return capabilities;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        settings = settings.with(params.getSettings());
        super.didChangeConfiguration(params);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        super.didSave(params);
        ServerSettings now = settings;
        Path workspace = root;
        if (!now.generateOnSave() || workspace == null || saveAction == SaveAction.NONE) {
            return;
        }
        generations.submit(() -> {
            MessageParams message;
            try {
                message = new MessageParams(MessageType.Info, saveAction.generate(workspace, workspace.resolve(now.outputFolder())));
            } catch (Exception e) {
                message = new MessageParams(MessageType.Error, "prov: generation on save failed: " + e.getMessage());
            }
            LanguageClient to = client;
            if (to != null) {
                to.logMessage(message);
                if (message.getType() == MessageType.Error) {
                    to.showMessage(message);
                }
            }
        });
    }

    /** The settings in force, for tests. */
    public ServerSettings settings() {
        return settings;
    }
}
