package org.mexe.studio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A command's input: a file, or standard input when the file is '-' or not given. */
record InputFile(String file, InputStream standardInput) {

    boolean isStandardInput() {
        return file == null || file.equals("-");
    }

    /** How messages name the input. */
    String name() {
        return isStandardInput() ? "standard input" : file;
    }

    byte[] readAllBytes() throws IOException {
        return isStandardInput() ? standardInput.readAllBytes() : Files.readAllBytes(Path.of(file));
    }
}
