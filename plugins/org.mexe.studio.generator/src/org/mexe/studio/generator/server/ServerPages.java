package org.mexe.studio.generator.server;

import java.util.List;

/**
 * The pages a handset opens on a provisioning server: the same links, written as WML 1.1 for WAP
 * 1.x browsers (classmark 1) and as XHTML Mobile Profile 1.0 for WAP 2.0 browsers. The WAP
 * gateway compiles WML to WMLC on its way to the handset, so the server sends WML text. Links are
 * relative to the page, so that the pages work under the operator's host name and on loopback alike.
 */
final class ServerPages {

    /** A link on a page: its text and the target below the server's root. */
    record Link(String text, String target) {
    }

    /** A page's content: a title, an introduction and groups of links, each with a heading. */
    record Page(String title, String introduction, List<Section> sections) {
    }

    record Section(String heading, List<Link> links) {
    }

    private ServerPages() {
    }

    /** WML 1.1: one card, a paragraph per section, links as {@code <a href>}. */
    static String wml(Page page, String pageFile) {
        StringBuilder text = new StringBuilder();
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        text.append("<!DOCTYPE wml PUBLIC \"-//WAPFORUM//DTD WML 1.1//EN\" \"http://www.wapforum.org/DTD/wml_1.1.xml\">\n");
        text.append("<wml>\n");
        text.append("<card id=\"main\" title=\"").append(wmlEscape(page.title())).append("\">\n");
        text.append("<p>").append(wmlEscape(page.introduction())).append("</p>\n");
        for (Section section : page.sections()) {
            text.append("<p><b>").append(wmlEscape(section.heading())).append("</b><br/>\n");
            for (Link link : section.links()) {
                text.append("<a href=\"").append(wmlEscape(relative(pageFile, link.target()))).append("\">").append(wmlEscape(link.text()))
                        .append("</a><br/>\n");
            }
            text.append("</p>\n");
        }
        text.append("</card>\n</wml>\n");
        return text.toString();
    }

    /** XHTML Mobile Profile 1.0. */
    static String xhtml(Page page, String pageFile) {
        StringBuilder text = new StringBuilder();
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        text.append("<!DOCTYPE html PUBLIC \"-//WAPFORUM//DTD XHTML Mobile 1.0//EN\" \"http://www.wapforum.org/DTD/xhtml-mobile10.dtd\">\n");
        text.append("<html xmlns=\"http://www.w3.org/1999/xhtml\">\n");
        text.append("<head><title>").append(escape(page.title())).append("</title></head>\n");
        text.append("<body>\n");
        text.append("<h1>").append(escape(page.title())).append("</h1>\n");
        text.append("<p>").append(escape(page.introduction())).append("</p>\n");
        for (Section section : page.sections()) {
            text.append("<h2>").append(escape(section.heading())).append("</h2>\n<ul>\n");
            for (Link link : section.links()) {
                text.append("<li><a href=\"").append(escape(relative(pageFile, link.target()))).append("\">").append(escape(link.text()))
                        .append("</a></li>\n");
            }
            text.append("</ul>\n");
        }
        text.append("</body>\n</html>\n");
        return text.toString();
    }

    /** {@code target} (a path below the root) as seen from the page file's folder. */
    static String relative(String pageFile, String target) {
        int depth = (int) pageFile.chars().filter(c -> c == '/').count();
        String up = "../".repeat(depth);
        return target.isEmpty() ? (depth == 0 ? "./" : up) : up + target;
    }

    /** WML text: XML's escapes, and '$' doubled, as WML reads '$' as the start of a variable. */
    static String wmlEscape(String text) {
        return escape(text).replace("$", "$$");
    }

    /** XML text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
