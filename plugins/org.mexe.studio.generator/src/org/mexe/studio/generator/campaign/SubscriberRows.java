package org.mexe.studio.generator.campaign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mexe.studio.model.constraints.Syntax;
import org.mexe.studio.model.provisioning.SubscriberColumn;

/**
 * The rows of a subscriber file, read as {@code prov generate} reads them (see
 * {@code SubscriberFile}: comma-separated, a field may be double-quoted, unquoted fields are
 * trimmed, blank and {@code #} lines skipped, a first line naming the columns is a header), but one
 * line at a time from bytes, and a bad row is a {@link Reject} instead of the end of the run.
 * <p>
 * Each accepted row gets two exact 64-bit keys, for duplicates and shards: the MSISDN's and the
 * IMSI's digits as a decimal number, times 16, plus the digit count (so {@code 0044} and {@code 44}
 * differ); the MSISDN's key has bit 0 of a further shift for a leading {@code +}. No two different
 * numbers share a key.
 */
final class SubscriberRows {

    /** Why a row was rejected; the reject file and the summary name these. */
    enum Kind {
        FIELDS("wrong number of fields"),
        QUOTE("unclosed quote"),
        MSISDN("malformed MSISDN"),
        IMSI("malformed IMSI"),
        PIN("unusable PIN"),
        DUPLICATE_MSISDN("duplicate MSISDN"),
        DUPLICATE_IMSI("duplicate IMSI");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Whether the row has no readable MSISDN, so that no shard can claim it: every shard reports it. */
        boolean beforeShard() {
            return this == FIELDS || this == QUOTE || this == MSISDN;
        }
    }

    /** A rejected row: its line, why, and a detail that never holds a PIN. */
    record Reject(long line, Kind kind, String detail) {
    }

    /** Where each column is in a row, -1 when absent. */
    record Layout(int msisdn, int imsi, int pin, int fields, String names) {
    }

    /** One row's values; reused from row to row. */
    static final class Row {
        String msisdn;
        String imsi;
        String pin;
        long msisdnKey;
        long imsiKey;
        /** Of a rejected row. */
        Kind kind;
        String detail;
    }

    private final Layout layout;
    private final boolean needsImsi;
    private final boolean needsPin;
    private final List<String> fields = new ArrayList<>();

    SubscriberRows(Layout layout, boolean needsImsi, boolean needsPin) {
        this.layout = layout;
        this.needsImsi = needsImsi;
        this.needsPin = needsPin;
    }

    /** A blank line or a comment: not a row. */
    static boolean skipped(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == '#') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The columns a header line names, if the line is a header. */
    static Optional<Map<SubscriberColumn, Integer>> header(byte[] bytes, int start, int end) {
        List<String> names = new ArrayList<>();
        if (split(bytes, start, end, names) != null) {
            return Optional.empty();
        }
        Map<SubscriberColumn, Integer> positions = new EnumMap<>(SubscriberColumn.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            SubscriberColumn column = null;
            for (SubscriberColumn c : SubscriberColumn.values()) {
                if (keyword(c).equals(name)) {
                    column = c;
                }
            }
            if (column == null || positions.putIfAbsent(column, i) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(positions);
    }

    static Layout layout(Map<SubscriberColumn, Integer> positions, int fields) {
        StringBuilder names = new StringBuilder();
        positions.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> names.append(names.isEmpty() ? "" : ", ").append(keyword(e.getKey())));
        return new Layout(positions.getOrDefault(SubscriberColumn.MSISDN, -1), positions.getOrDefault(SubscriberColumn.IMSI, -1),
                positions.getOrDefault(SubscriberColumn.PIN, -1), fields, names.toString());
    }

    static Layout layout(List<SubscriberColumn> declared) {
        Map<SubscriberColumn, Integer> positions = new EnumMap<>(SubscriberColumn.class);
        for (int i = 0; i < declared.size(); i++) {
            positions.putIfAbsent(declared.get(i), i);
        }
        return layout(positions, declared.size());
    }

    static String keyword(SubscriberColumn column) {
        return column.getName().toLowerCase(Locale.ROOT);
    }

    /** Reads one row into {@code row}; false when it is rejected ({@code row.kind} says why). */
    boolean read(byte[] bytes, int start, int end, Row row) {
        row.kind = null;
        row.detail = null;
        row.imsi = null;
        row.pin = null;
        row.imsiKey = 0;
        String quoteFault = split(bytes, start, end, fields);
        if (quoteFault != null) {
            return reject(row, Kind.QUOTE, quoteFault);
        }
        if (fields.size() != layout.fields) {
            return reject(row, Kind.FIELDS, fields.size() + " field(s), but the columns " + layout.names + " need " + layout.fields);
        }
        String msisdn = fields.get(layout.msisdn);
        long msisdnKey = msisdnKey(msisdn);
        if (msisdnKey < 0) {
            return reject(row, Kind.MSISDN, "\"" + printable(msisdn) + "\" is not a phone number: up to 15 digits, with a leading +"
                    + " for the international format");
        }
        row.msisdn = msisdn;
        row.msisdnKey = msisdnKey;
        if (layout.imsi >= 0) {
            String imsi = fields.get(layout.imsi);
            if (!imsi.isEmpty() || needsImsi) {
                if (!Syntax.isImsi(imsi)) {
                    return reject(row, Kind.IMSI, "\"" + printable(imsi) + "\" is not an IMSI: 6 to 15 digits (3GPP TS 23.003)");
                }
                row.imsi = imsi;
                row.imsiKey = digitsKey(imsi, 0, imsi.length());
            }
        }
        if (layout.pin >= 0) {
            String pin = fields.get(layout.pin);
            if (needsPin && (pin.isEmpty() || !pin.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) {
                // Never the PIN itself.
                return reject(row, Kind.PIN, "the PIN is " + (pin.isEmpty() ? "empty" : "not printable ASCII"));
            }
            row.pin = pin.isEmpty() ? null : pin;
        }
        return true;
    }

    private static boolean reject(Row row, Kind kind, String detail) {
        row.kind = kind;
        row.detail = detail;
        return false;
    }

    /** The MSISDN's key (see the class comment), or -1 when it is not {@code \+?[0-9]{1,15}}. */
    static long msisdnKey(String msisdn) {
        boolean plus = msisdn.startsWith("+");
        int from = plus ? 1 : 0;
        long key = digitsKey(msisdn, from, msisdn.length());
        return key < 0 ? -1 : key << 1 | (plus ? 1 : 0);
    }

    /** The digits as a number times 16 plus their count, or -1 unless there are 1 to 15 ASCII digits. */
    static long digitsKey(String text, int from, int to) {
        int count = to - from;
        if (count < 1 || count > 15) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value << 4 | count;
    }

    /**
     * The shard of a subscriber, 0 to {@code count - 1}: the MSISDN's digits key (without the
     * {@code +} bit), mixed by MurmurHash3's 64-bit finalizer, unsigned, modulo {@code count}.
     */
    static int shardOf(long msisdnKey, int count) {
        long h = msisdnKey >>> 1;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, count);
    }

    /** Splits the line into {@code out}; a fault message for a quote that does not close, else null. */
    static String split(byte[] bytes, int start, int end, List<String> out) {
        out.clear();
        int i = start;
        while (true) {
            while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
                i++;
            }
            if (i < end && bytes[i] == '"') {
                int column = i - start + 1;
                i++;
                StringBuilder text = new StringBuilder();
                int from = i;
                while (true) {
                    if (i >= end) {
                        return "the quoted field at column " + column + " does not end on its line";
                    }
                    if (bytes[i] == '"') {
                        text.append(new String(bytes, from, i - from, StandardCharsets.UTF_8));
                        if (i + 1 < end && bytes[i + 1] == '"') {
                            text.append('"');
                            i += 2;
                            from = i;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                while (i < end && bytes[i] != ',') {
                    if (bytes[i] != ' ' && bytes[i] != '\t') {
                        return "only a comma may follow the quoted field at column " + column;
                    }
                    i++;
                }
                out.add(text.toString().strip());
            } else {
                int comma = i;
                while (comma < end && bytes[comma] != ',') {
                    comma++;
                }
                int to = comma;
                while (to > i && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
                    to--;
                }
                out.add(ascii(bytes, i, to));
                i = comma;
            }
            if (i >= end) {
                return null;
            }
            i++; // the comma
        }
    }

    /** ASCII without a decoder (the common case); UTF-8 when a byte says otherwise. */
    private static String ascii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return new String(bytes, from, to - from, StandardCharsets.UTF_8).strip();
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A value for a message: control characters shown as '?', at most 40 characters. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == '"' ? '?' : c));
        return text.length() > 40 ? out + "..." : out.toString();
    }
}
