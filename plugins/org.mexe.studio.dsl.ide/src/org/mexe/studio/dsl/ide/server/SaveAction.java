package org.mexe.studio.dsl.ide.server;

import java.nio.file.Path;

/**
 * What the server does after a save when generation on save is on: the front door that starts the
 * server (the command line) supplies the pipeline, which this layer does not depend on.
 */
@FunctionalInterface
public interface SaveAction {

    /** Nothing: generation on save is not available. */
    SaveAction NONE = (root, output) -> "generation on save is not available in this server";

    /** Generates the artefacts of the .prov files under {@code root} into {@code output}; returns a one-line summary. */
    String generate(Path root, Path output) throws Exception;
}
