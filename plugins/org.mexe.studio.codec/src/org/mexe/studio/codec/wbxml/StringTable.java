package org.mexe.studio.codec.wbxml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.mexe.studio.codec.internal.Uintvar;

/**
 * Chooses the WBXML string table. Each distinct string is an entry of its own (no suffix sharing),
 * in order of first use; a string goes into the table when referencing it everywhere
 * ({@code STR_T} + offset) plus storing it once costs fewer bytes than writing it inline
 * ({@code STR_I} string NUL) every time. Names without a token must be in the table because
 * {@code LITERAL} can only point there. Ties stay inline, which is how the OMA ProvCont
 * Appendix C encoding comes out: only the twice-used "NAP1" is in its table.
 */
final class StringTable {

    /** One place where the document needs a string, in document order. */
    record StringUse(String text, boolean literalName) {
    }

    private static final class Usage {
        int valueUses;
        boolean literalName;
    }

    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static StringTable plan(List<StringUse> uses) {
        Map<String, Usage> usages = new LinkedHashMap<>();
        for (StringUse use : uses) {
            Usage usage = usages.computeIfAbsent(use.text(), text -> new Usage());
            if (use.literalName()) {
                usage.literalName = true;
            } else {
                usage.valueUses++;
            }
        }
        StringTable table = new StringTable();
        usages.forEach((text, usage) -> {
            if (usage.literalName || table.saves(text, usage.valueUses)) {
                table.add(text);
            }
        });
        return table;
    }

    private boolean saves(String text, int uses) {
        int length = utf8Length(text);
        int entry = length + 1;
        int tableLength = bytes.size();
        int lengthFieldGrowth = Uintvar.length(tableLength + entry) - Uintvar.length(tableLength);
        int inline = uses * (1 + length + 1);
        int referenced = entry + lengthFieldGrowth + uses * (1 + Uintvar.length(tableLength));
        return referenced < inline;
    }

    private void add(String text) {
        offsets.put(text, bytes.size());
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
    }

    /** Offset to reference for this value, if the table holds it and a reference is shorter. */
    OptionalInt referenceFor(String text) {
        Integer offset = offsets.get(text);
        if (offset == null || 1 + Uintvar.length(offset) >= utf8Length(text) + 2) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(offset);
    }

    /** A table entry that starts a longer string, and where it is. */
    record Prefix(String text, int offset) {
    }

    /** The longest entry that is a proper prefix of {@code text}, if any. */
    java.util.Optional<Prefix> longestPrefixReference(String text) {
        return offsets.entrySet().stream()
                .filter(entry -> text.length() > entry.getKey().length() && text.startsWith(entry.getKey()))
                .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(entry -> new Prefix(entry.getKey(), entry.getValue()));
    }

    /** Offset of a name written with LITERAL; planning guarantees it is present. */
    int literalOffset(String name) {
        return offsets.get(name);
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
