package org.mexe.studio.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run file of the scripted user's answers: one {@code LABEL=VALUE} a line, {@code #} starts a
 * comment. A bad line is named by its number, never its text: it may be an answer (a card number).
 */
public final class RunFile {

    private RunFile() {
    }

    /** @throws RunException naming the file and the line that is not {@code LABEL=VALUE}, or why it cannot be read */
    public static Map<String, String> answers(Path file) throws RunException {
        Map<String, String> answers = new LinkedHashMap<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int equals = text.indexOf('=');
                if (equals <= 0) {
                    throw new RunException(file + ":" + number + ": not LABEL=VALUE; write the list title or field label, '=', and the"
                            + " answer.", null);
                }
                answers.put(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
            }
        } catch (IOException e) {
            throw new RunException("cannot read the answers " + file + ": " + e.getMessage(), e);
        }
        return answers;
    }
}
