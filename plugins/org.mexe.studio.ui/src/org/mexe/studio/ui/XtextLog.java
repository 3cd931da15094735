package org.mexe.studio.ui;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Xtext logs through log4j 1.x, which has no appender in Eclipse ("log4j:WARN No appenders could be
 * found"), so its warnings and errors were lost. This appender hands them to the Eclipse log
 * (Error Log view, .metadata/.log).
 */
final class XtextLog extends AppenderSkeleton {

    private static final String NAME = ProvLanguage.PLUGIN_ID + ".eclipseLog";

    /** Routes log4j's root logger (warnings and up) to the Eclipse log, once. */
    static synchronized void install() {
        Logger root = Logger.getRootLogger();
        if (root.getAppender(NAME) == null) {
            XtextLog appender = new XtextLog();
            appender.setName(NAME);
            appender.setThreshold(Level.WARN);
            root.addAppender(appender);
        }
    }

    @Override
    protected void append(LoggingEvent event) {
        int severity = event.getLevel().isGreaterOrEqual(Level.ERROR) ? IStatus.ERROR : IStatus.WARNING;
        Throwable thrown = event.getThrowableInformation() == null ? null : event.getThrowableInformation().getThrowable();
        ILog.of(XtextLog.class).log(new Status(severity, ProvLanguage.PLUGIN_ID, event.getLoggerName() + ": " + event.getRenderedMessage(), thrown));
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }
}
