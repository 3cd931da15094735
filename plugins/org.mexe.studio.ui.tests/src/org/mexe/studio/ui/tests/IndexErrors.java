package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mexe.studio.ui.ProvIndex;

/**
 * Fails a test class when the studio logged an error while it ran: a failed build of the index
 * (logged, not thrown, since it runs in the background) leaves every later editor feature without
 * answers, so it must fail where it happened, not three classes later.
 */
final class IndexErrors implements BeforeAllCallback, AfterAllCallback {

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final ILogListener listener = (status, plugin) -> {
        if (status.getSeverity() == IStatus.ERROR && status.getPlugin() != null && status.getPlugin().startsWith("org.mexe.studio")) {
            errors.add(status.getMessage() + (status.getException() != null ? ": " + status.getException() : ""));
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        Platform.addLogListener(listener);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            ProvIndex.workspace().settled().get(60, TimeUnit.SECONDS);
            Workbench.processEvents();
            assertEquals(List.of(), errors.stream().distinct().limit(3).toList(),
                    errors.size() + " errors the studio logged during " + context.getDisplayName() + ", the first kinds");
        } finally {
            Platform.removeLogListener(listener);
        }
    }
}
