package org.mexe.studio.generator;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mexe.studio.model.constraints.Syntax;
import org.mexe.studio.model.provisioning.SubscriberColumn;
import org.mexe.studio.model.provisioning.SubscriberSource;

/**
 * The subscribers of a per-subscriber delivery, read from the CSV file a {@code subscribers}
 * element names (relative to the .prov file that declares it). The columns are those the element
 * lists, in that order; a first line that names the columns instead is a header, and its order
 * wins. Blank lines and lines starting with {@code #} are skipped; a field may be double-quoted.
 * <p>
 * Every fault names the file, the line and the column. A PIN is never echoed in a message.
 */
final class SubscriberFile {

    /** The code of every fault in a subscribers file. */
    static final String INVALID_SUBSCRIBERS = "org.mexe.studio.generator.invalidSubscribers";

    /**
     * Above this many subscribers {@code prov generate} stops: a folder per subscriber is for people
     * to read, and millions of them help nobody. {@code prov campaign} streams any number.
     */
    static final int FOLDER_LIMIT = 10_000;

    /** One subscriber: the MSISDN to send to, the IMSI and PIN when the file has them, and where it was read. */
    record Subscriber(String msisdn, Optional<String> imsi, Optional<String> pin, Path file, int line, int pinColumn) {

        @Override
        public String toString() {
            return "Subscriber[" + msisdn + ", line " + line + "]"; // never the PIN
        }
    }

    /** What the delivery needs from each row. */
    enum Need {
        IMSI, PIN
    }

    private record Field(String text, int column, int offset) {
    }

    private SubscriberFile() {
    }

    static Path pathOf(SubscriberSource source) {
        return Locations.file(source).getParent().resolve(source.getFile()).normalize();
    }

    static List<Subscriber> read(SubscriberSource source, List<Need> needs) throws GenerationException {
        if (source.getFile() == null) {
            throw invalid(Locations.error(source, INVALID_SUBSCRIBERS,
                    "The subscribers '" + source.getName() + "' name no file: add 'file \"subscribers.csv\"'."));
        }
        Path file = pathOf(source);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw invalid(Locations.error(source, INVALID_SUBSCRIBERS, "The subscribers file " + file
                    + " does not exist: give the path of a CSV file relative to " + Locations.file(source).getFileName() + "."));
        } catch (CharacterCodingException e) {
            throw invalid(new Problem(file, 0, 0, -1, 0, Problem.Severity.ERROR, INVALID_SUBSCRIBERS,
                    "The subscribers file is not UTF-8 text: save it as UTF-8 (or ASCII) CSV."));
        } catch (IOException e) {
            throw invalid(Locations.error(source, INVALID_SUBSCRIBERS, "Cannot read the subscribers file " + file + ": " + e.getMessage()));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }

        Map<SubscriberColumn, Integer> positions = new EnumMap<>(SubscriberColumn.class);
        for (int i = 0; i < source.getColumns().size(); i++) {
            positions.putIfAbsent(source.getColumns().get(i), i);
        }
        int expectedFields = source.getColumns().size();
        List<Subscriber> subscribers = new ArrayList<>();
        Map<String, Integer> lineOfMsisdn = new HashMap<>();
        boolean first = true;
        int lineNumber = 0;
        int lineOffset = 0;
        for (String rawLine : text.split("\n", -1)) {
            lineNumber++;
            int offset = lineOffset;
            lineOffset += rawLine.length() + 1;
            String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<Field> fields = fields(file, line, lineNumber, offset);
            if (first) {
                first = false;
                Optional<Map<SubscriberColumn, Integer>> header = header(fields);
                if (header.isPresent()) {
                    positions = header.get();
                    expectedFields = fields.size();
                    continue;
                }
                if (positions.isEmpty()) {
                    throw invalid(problem(file, lineNumber, 1, offset, line.length(), "The first line does not name the columns,"
                            + " and the subscribers '" + source.getName() + "' list none: add 'columns msisdn, imsi, pin'"
                            + " or a header line such as msisdn,imsi,pin."));
                }
            }
            check(positions, needs, source);
            if (fields.size() != expectedFields) {
                Field last = fields.get(fields.size() - 1);
                throw invalid(problem(file, lineNumber, last.column, last.offset, last.text.length(), "Line " + lineNumber + " has "
                        + fields.size() + " field(s), but the columns " + columnNames(positions) + " need " + expectedFields
                        + ": separate the fields with commas, one subscriber per line."));
            }
            Field msisdn = fields.get(positions.get(SubscriberColumn.MSISDN));
            // The rule of a delivery's 'to': E.164 country codes never start with 0, so "+0..." is refused here too.
            if (!Syntax.isPhoneNumber(msisdn.text)) {
                throw invalid(problem(file, lineNumber, msisdn.column, msisdn.offset, msisdn.text.length(), "The MSISDN \""
                        + msisdn.text + "\" is not a phone number: give up to 15 digits, or a leading + and the country code (which never"
                        + " starts with 0) for the international format, for example +447700900123."));
            }
            Integer earlier = lineOfMsisdn.putIfAbsent(msisdn.text, lineNumber);
            if (earlier != null) {
                throw invalid(problem(file, lineNumber, msisdn.column, msisdn.offset, msisdn.text.length(), "The MSISDN "
                        + msisdn.text + " is already on line " + earlier + ": list each subscriber once."));
            }
            Optional<String> imsi = Optional.empty();
            if (positions.containsKey(SubscriberColumn.IMSI)) {
                Field field = fields.get(positions.get(SubscriberColumn.IMSI));
                if (!field.text.isEmpty() || needs.contains(Need.IMSI)) {
                    if (!Syntax.isImsi(field.text)) {
                        throw invalid(problem(file, lineNumber, field.column, field.offset, field.text.length(), "The IMSI \""
                                + field.text + "\" is not valid: give 6 to 15 digits (3GPP TS 23.003)."));
                    }
                    imsi = Optional.of(field.text);
                }
            }
            Optional<String> pin = Optional.empty();
            int pinColumn = 0;
            if (positions.containsKey(SubscriberColumn.PIN)) {
                Field field = fields.get(positions.get(SubscriberColumn.PIN));
                pinColumn = field.column;
                if (needs.contains(Need.PIN) && (field.text.isEmpty() || !field.text.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) {
                    // Never the PIN itself in the message.
                    throw invalid(problem(file, lineNumber, field.column, field.offset, field.text.length(), "The PIN on line "
                            + lineNumber + " is " + (field.text.isEmpty() ? "empty" : "not printable ASCII")
                            + ": give the digits the subscriber types."));
                }
                if (!field.text.isEmpty()) {
                    pin = Optional.of(field.text);
                }
            }
            subscribers.add(new Subscriber(msisdn.text, imsi, pin, file, lineNumber, pinColumn));
            if (subscribers.size() > FOLDER_LIMIT) {
                throw new GenerationException(GenerationException.Reason.CANNOT_GENERATE, "The subscribers file lists more than "
                        + FOLDER_LIMIT + " subscribers, and prov generate writes a folder for each: stream them into a campaign"
                        + " instead, with prov campaign PATH... --scenario NAME --subscribers " + file + " -o DIR (docs/campaigns.md)."
                        + " Nothing was generated.", List.of(problem(file, lineNumber, 1, offset, line.length(), "Subscriber number "
                                + subscribers.size() + ": more than prov generate writes folders for; use prov campaign.")), null);
            }
        }
        if (subscribers.isEmpty()) {
            throw invalid(new Problem(file, 0, 0, -1, 0, Problem.Severity.ERROR, INVALID_SUBSCRIBERS,
                    "The subscribers file lists no subscriber: add one line per subscriber (" + columnNames(positions) + ")."));
        }
        return subscribers;
    }

    /** The columns a delivery needs must be there: an MSISDN always, an IMSI for the network PIN methods. */
    private static void check(Map<SubscriberColumn, Integer> positions, List<Need> needs, SubscriberSource source)
            throws GenerationException {
        if (!positions.containsKey(SubscriberColumn.MSISDN)) {
            throw invalid(Locations.error(source, INVALID_SUBSCRIBERS, "The subscribers '" + source.getName()
                    + "' have no msisdn column, and each message goes to one: add msisdn to the columns."));
        }
        if (needs.contains(Need.IMSI) && !positions.containsKey(SubscriberColumn.IMSI)) {
            throw invalid(Locations.error(source, INVALID_SUBSCRIBERS, "The subscribers '" + source.getName()
                    + "' have no imsi column, and NETWPIN and USERNETWPIN are keyed by each subscriber's IMSI: add imsi to the columns."));
        }
        if (needs.contains(Need.PIN) && !positions.containsKey(SubscriberColumn.PIN)) {
            throw invalid(Locations.error(source, INVALID_SUBSCRIBERS, "The subscribers '" + source.getName()
                    + "' have no pin column, and the delivery takes each subscriber's PIN from it: add pin to the columns,"
                    + " or write 'pin generated' in the delivery."));
        }
    }

    private static Optional<Map<SubscriberColumn, Integer>> header(List<Field> fields) {
        Map<SubscriberColumn, Integer> positions = new EnumMap<>(SubscriberColumn.class);
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).text.toLowerCase(Locale.ROOT);
            Optional<SubscriberColumn> column = Arrays.stream(SubscriberColumn.values())
                    .filter(c -> keyword(c).equals(name)).findFirst();
            if (column.isEmpty() || positions.putIfAbsent(column.get(), i) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(positions);
    }

    private static String columnNames(Map<SubscriberColumn, Integer> positions) {
        return String.join(", ", positions.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).map(e -> keyword(e.getKey())).toList());
    }

    /** The column as the language and a header line write it: msisdn, imsi, pin. */
    private static String keyword(SubscriberColumn column) {
        return column.getName().toLowerCase(Locale.ROOT);
    }

    /** Comma-separated fields; a double-quoted field may hold commas and "" for a quote. Unquoted fields are trimmed. */
    private static List<Field> fields(Path file, String line, int lineNumber, int lineOffset) throws GenerationException {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw invalid(problem(file, lineNumber, start + 1, lineOffset + start, line.length() - start,
                                "The quoted field that starts here does not end on this line: close it with \"."));
                    }
                    char c = line.charAt(i++);
                    if (c == '"' && i < line.length() && line.charAt(i) == '"') {
                        text.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        text.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                        throw invalid(problem(file, lineNumber, i + 1, lineOffset + i, 1,
                                "Only a comma may follow a quoted field: put the text inside the quotes."));
                    }
                    i++;
                }
            } else {
                int end = line.indexOf(',', i);
                end = end < 0 ? line.length() : end;
                text.append(line, i, end);
                i = end;
            }
            fields.add(new Field(text.toString().strip(), start + 1, lineOffset + start));
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static Problem problem(Path file, int line, int column, int offset, int length, String message) {
        // Problem.format() puts the file, line and column in front, as compilers do.
        return new Problem(file, line, column, offset, length, Problem.Severity.ERROR, INVALID_SUBSCRIBERS, message);
    }

    private static GenerationException invalid(Problem problem) {
        return new GenerationException(GenerationException.Reason.INVALID_INPUT,
                "The subscribers file is not usable: nothing was generated.", List.of(problem), null);
    }
}
