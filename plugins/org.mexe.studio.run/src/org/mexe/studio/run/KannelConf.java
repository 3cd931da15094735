package org.mexe.studio.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a generated kannel.conf as Kannel does where a run needs it: which sms-service takes a keyword sent to a number. */
final class KannelConf {

    private KannelConf() {
    }

    /**
     * The {@code get-url} of the sms-service whose keyword is {@code keyword} (Kannel compares
     * keywords without case) and whose {@code allowed-receiver-prefix}, when it has one, admits
     * {@code number}.
     */
    static Optional<String> getUrlFor(String config, String keyword, String number) {
        for (String group : config.split("\\n\\s*\\n")) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : group.split("\\n")) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.startsWith("#") || equals < 0) {
                    continue;
                }
                String value = trimmed.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT), value);
            }
            if (!"sms-service".equals(values.get("group")) || !keyword.equalsIgnoreCase(values.getOrDefault("keyword", ""))
                    || !values.containsKey("get-url")) {
                continue;
            }
            String prefixes = values.get("allowed-receiver-prefix");
            if (prefixes != null && java.util.Arrays.stream(prefixes.split(";")).map(String::strip).noneMatch(number::startsWith)) {
                continue;
            }
            return Optional.of(values.get("get-url"));
        }
        return Optional.empty();
    }
}
