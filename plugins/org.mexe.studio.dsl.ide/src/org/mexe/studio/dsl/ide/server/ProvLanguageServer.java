package org.mexe.studio.dsl.ide.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.mexe.studio.dsl.ide.workspace.SelfHealingBuildManager;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The .prov language server: Xtext's server machinery over LSP4J, with the language's services
 * from {@code ProvIdeModule} (found through {@code META-INF/services/org.eclipse.xtext.ISetup}).
 * <p>
 * What it never does: write anything but protocol messages to the protocol stream (Xtext and
 * its libraries print to {@code System.out}, so on stdio that goes to standard error), or put a
 * secret into a message or a log. Secrets are read, as by the command line, from the environment
 * and from files named by the text, and only by the checks that open keystores; the hover says
 * where a secret comes from, never its value. A trace (every JSON-RPC message) holds the
 * documents' text, which by the language's design holds no secret; it is written owner-only.
 */
public final class ProvLanguageServer {

    /** How the server runs: a trace of the messages, and what to do after a save. */
    public record Options(Optional<PrintWriter> trace, SaveAction onSave) {
        public Options {
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(onSave, "onSave");
        }

        public static Options defaults() {
            return new Options(Optional.empty(), SaveAction.NONE);
        }
    }

    private ProvLanguageServer() {
    }

    /**
     * Serves the client on standard input and output until it sends {@code exit} or closes the
     * stream. From here on {@code System.out} is standard error, so that nothing else writes into
     * the protocol.
     */
    public static void runOnStdio(Options options) throws InterruptedException {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        InputStream in = System.in;
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        logToStandardError();
        run(in, protocol, options);
    }

    /** Xtext logs through log4j 1.2: warnings and errors go to standard error, never to the protocol stream. */
    private static void logToStandardError() {
        Logger root = Logger.getRootLogger();
        root.removeAllAppenders();
        root.addAppender(new ConsoleAppender(new PatternLayout("prov lsp: %p %c{1}: %m%n"), ConsoleAppender.SYSTEM_ERR));
        root.setLevel(Level.WARN);
    }

    /** Serves one client on {@code in}/{@code out}; returns when it sends {@code exit} or closes {@code in}. */
    public static void run(InputStream in, OutputStream out, Options options) throws InterruptedException {
        CompletableFuture<Void> exited = new CompletableFuture<>();
        Injector injector = createInjector(options, exited);
        LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> launcher = Launcher.createLauncher(server, LanguageClient.class, in, out, true,
                options.trace().orElse(null));
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            CompletableFuture.anyOf(exited, CompletableFuture.runAsync(() -> {
                try {
                    listening.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // the stream broke: the client is gone
                }
            })).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the language server stopped: " + e.getCause(), e.getCause());
        } finally {
            listening.cancel(true);
            options.trace().ifPresent(PrintWriter::flush);
        }
    }

    /** The server's injector: Xtext's server module with the language's server-wide services. */
    public static Injector createInjector(Options options, CompletableFuture<Void> exited) {
        return Guice.createInjector(Modules2.mixin(new ServerModule(), binder -> {
            binder.bind(LanguageServerImpl.class).to(ProvLanguageServerImpl.class);
            binder.bind(SemanticTokensService.class).to(ProvSemanticTokensService.class);
            binder.bind(org.eclipse.xtext.ide.server.BuildManager.class).to(SelfHealingBuildManager.class);
            binder.bind(SaveAction.class).toInstance(options.onSave());
            binder.bind(ILanguageServerShutdownAndExitHandler.class).toInstance(new ILanguageServerShutdownAndExitHandler() {
                @Override
                public void shutdown() {
                }

                @Override
                public void exit() {
                    exited.complete(null);
                }
            });
        }));
    }
}
