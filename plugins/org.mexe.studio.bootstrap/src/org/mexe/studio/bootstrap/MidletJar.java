package org.mexe.studio.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * MIDlet suite JARs with deterministic bytes: the manifest first, then the entries sorted by
 * name, every entry with one fixed local time and no extra fields, so that the same classes give
 * the same JAR and so the same signature in the JAD.
 */
public final class MidletJar {

    public static final String MANIFEST = "META-INF/MANIFEST.MF";

    /** 2000-01-01 00:00, local time as ZIP stores it: no time zone enters the bytes. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private MidletJar() {
    }

    /** The JAR of {@code manifest} (its main attributes in this order; none for a manifest-less JAR) and {@code entries}. */
    public static byte[] pack(Map<String, String> manifest, SortedMap<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            if (manifest != null) {
                put(zip, MANIFEST, manifestText(manifest).getBytes(StandardCharsets.UTF_8));
            }
            for (var entry : entries.entrySet()) {
                if (!entry.getKey().equals(MANIFEST)) {
                    put(zip, entry.getKey(), entry.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** The JAR manifest text: {@code Manifest-Version} first, lines of 72 bytes at most as the JAR format requires. */
    public static String manifestText(Map<String, String> attributes) {
        StringBuilder text = new StringBuilder();
        appendLine(text, "Manifest-Version: 1.0");
        attributes.forEach((name, value) -> {
            if (!name.equals("Manifest-Version")) {
                appendLine(text, name + ": " + value);
            }
        });
        return text.append("\r\n").toString();
    }

    private static void appendLine(StringBuilder text, String line) {
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 72;
        while (utf8.length - start > limit) {
            int end = start + limit;
            while ((utf8[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 sequence
            }
            text.append(new String(utf8, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 71; // continuation lines start with a space
        }
        text.append(new String(utf8, start, utf8.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** The entries of a JAR (folders left out), sorted by name. */
    public static SortedMap<String, byte[]> read(byte[] jar) throws IOException {
        SortedMap<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return entries;
    }
}
