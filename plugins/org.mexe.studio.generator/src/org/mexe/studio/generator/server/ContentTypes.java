package org.mexe.studio.generator.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The content type of every kind of file a provisioning server holds, by file extension: one table
 * for the generated nginx {@code mime.types} and for {@code prov serve}, so that both answer a
 * handset alike. Debian's nginx {@code mime.types} lacks WMLScript and OMA CP's connectivity
 * WBXML and gives {@code .xhtml} the desktop type; handsets of the brief's era want these.
 */
public final class ContentTypes {

    /** What a file with no known extension is sent as. */
    public static final String DEFAULT = "application/octet-stream";

    private static final SequencedMap<String, String> BY_EXTENSION = new LinkedHashMap<>();

    static {
        // MIDP 2.0 OTA (JSR 118, Over The Air User Initiated Provisioning)
        BY_EXTENSION.put("jad", "text/vnd.sun.j2me.app-descriptor");
        BY_EXTENSION.put("jar", "application/java-archive");
        // WAP 1.x (WML, WMLScript, their compiled forms, WBMP)
        BY_EXTENSION.put("wml", "text/vnd.wap.wml");
        BY_EXTENSION.put("wmlc", "application/vnd.wap.wmlc");
        BY_EXTENSION.put("wmls", "text/vnd.wap.wmlscript");
        BY_EXTENSION.put("wmlsc", "application/vnd.wap.wmlscriptc");
        BY_EXTENSION.put("wbmp", "image/vnd.wap.wbmp");
        // WAP 2.0 XHTML Mobile Profile
        BY_EXTENSION.put("xhtml", "application/vnd.wap.xhtml+xml");
        BY_EXTENSION.put("html", "text/html");
        BY_EXTENSION.put("htm", "text/html");
        BY_EXTENSION.put("css", "text/css");
        // OMA Client Provisioning documents (XML and WBXML)
        BY_EXTENSION.put("wbxml", "application/vnd.wap.connectivity-wbxml");
        BY_EXTENSION.put("xml", "application/xml");
        // Certificates, for the trust exports a server may publish
        BY_EXTENSION.put("der", "application/x-x509-ca-cert");
        BY_EXTENSION.put("cer", "application/x-x509-ca-cert");
        BY_EXTENSION.put("crt", "application/x-x509-ca-cert");
        BY_EXTENSION.put("pem", "application/x-pem-file");
        // The rest of an ordinary site
        BY_EXTENSION.put("txt", "text/plain");
        BY_EXTENSION.put("png", "image/png");
        BY_EXTENSION.put("gif", "image/gif");
        BY_EXTENSION.put("jpg", "image/jpeg");
        BY_EXTENSION.put("jpeg", "image/jpeg");
        BY_EXTENSION.put("ico", "image/x-icon");
        BY_EXTENSION.put("zip", "application/zip");
    }

    private ContentTypes() {
    }

    /** The type of a file name or path by its extension, {@link #DEFAULT} when unknown. */
    public static String of(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        if (dot <= slash + 1) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }

    /** Extension to type, in a fixed order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableSequencedMap(BY_EXTENSION);
    }

    /** The table as an nginx {@code types} block, one line per type (extensions grouped), in a fixed order. */
    public static String nginxTypes() {
        SequencedMap<String, StringBuilder> byType = new LinkedHashMap<>();
        BY_EXTENSION.forEach((extension, type) -> byType.computeIfAbsent(type, t -> new StringBuilder()).append(' ').append(extension));
        StringBuilder text = new StringBuilder("types {\n");
        byType.forEach((type, extensions) -> text.append("    ").append(String.format("%-40s", type)).append(extensions.substring(1))
                .append(";\n"));
        return text.append("}\n").toString();
    }
}
