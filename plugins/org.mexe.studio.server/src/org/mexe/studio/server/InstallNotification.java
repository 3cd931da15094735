package org.mexe.studio.server;

import java.util.Optional;

/**
 * One install notification as received: from where, at which path (the suite's JAD path followed
 * by {@code /install-notify}), the status code the handset sent and its meaning when the code is a
 * MIDP 2.0 one; {@code tolerated} says what was not as the specification has it, or is empty;
 * {@code report} holds the {@code Name: value} lines an application adds below the status line
 * (the generated bootstrap reports its flow, step and the user's answers there).
 */
public record InstallNotification(String remote, String path, int code, Optional<InstallStatus> status, String tolerated,
        java.util.Map<String, String> report) {

    public InstallNotification {
        report = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(report));
    }

    public InstallNotification(String remote, String path, int code, Optional<InstallStatus> status, String tolerated) {
        this(remote, path, code, status, tolerated, java.util.Map.of());
    }

    /** The log line: {@code install-notify PATH from ADDRESS: 900 Success}. */
    public String describe() {
        return "install-notify " + path + " from " + remote + ": " + code + " "
                + status.map(InstallStatus::message).orElse("(not a MIDP 2.0 install status)")
                + (tolerated.isEmpty() ? "" : " [tolerated: " + tolerated + "]");
    }
}
