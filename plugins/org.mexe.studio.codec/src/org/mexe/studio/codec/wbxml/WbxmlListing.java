package org.mexe.studio.codec.wbxml;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A WBXML document byte by byte, one line per header field or token: its offset, its bytes (the
 * first eight of a longer run) and what it is, as {@link WbxmlDecoder#annotate} names it. For the
 * IDE's Payload Inspector and {@code prov decode --annotate}.
 */
public final class WbxmlListing {

    private static final int HEX_SHOWN = 8;

    private WbxmlListing() {
    }

    /** Every byte shown as it is. */
    public static String of(byte[] wbxml, List<WbxmlAnnotation> annotations) {
        return listing(wbxml, annotations, Set.of(), "");
    }

    /**
     * The same, for people who may not see {@code secrets} (the values of a document's secret
     * parms): a token whose text is part of one shows {@code mask} and no bytes, and the string
     * table, which may hold a piece of one, shows no bytes either. A part, not only the whole: an
     * encoder may write a value as a table reference followed by an inline rest.
     */
    public static String masked(byte[] wbxml, List<WbxmlAnnotation> annotations, Set<String> secrets, String mask) {
        return listing(wbxml, annotations, secrets, mask);
    }

    private static String listing(byte[] wbxml, List<WbxmlAnnotation> annotations, Set<String> secrets, String mask) {
        StringBuilder text = new StringBuilder();
        for (WbxmlAnnotation annotation : annotations) {
            boolean secret = annotation.text().filter(string -> !string.isEmpty() && partOfAny(string, secrets)).isPresent();
            boolean table = !secrets.isEmpty() && annotation.what().startsWith("string table");
            String bytes = secret || table ? "(hidden)" : hex(wbxml, annotation);
            text.append(String.format(Locale.ROOT, "%04X  %-32s %s%n", annotation.offset(), bytes,
                    (secret ? annotation.masked(mask) : annotation).meaning()));
        }
        return text.toString();
    }

    private static boolean partOfAny(String string, Set<String> secrets) {
        return secrets.stream().anyMatch(secret -> secret.contains(string));
    }

    private static String hex(byte[] wbxml, WbxmlAnnotation annotation) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(annotation.length(), HEX_SHOWN); i++) {
            hex.append(String.format(Locale.ROOT, "%02X ", wbxml[annotation.offset() + i] & 0xFF));
        }
        if (annotation.length() > HEX_SHOWN) {
            hex.append("… (").append(annotation.length()).append(')');
        }
        return hex.toString();
    }
}
