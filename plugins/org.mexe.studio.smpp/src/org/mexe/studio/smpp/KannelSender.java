package org.mexe.studio.smpp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

import org.mexe.studio.codec.DecodeException;

/**
 * Submits a campaign folder's segments through Kannel's HTTP {@code /cgi-bin/sendsms} (smsbox),
 * one request per TPDU: {@code udh} its user data header with the UDHL octet, {@code text} its
 * payload, both percent-encoded octets, {@code coding=1} (8-bit), {@code to} the record's MSISDN,
 * and {@code pid} when the TPDU has one. Each segment already carries its concatenation IE, so
 * Kannel sends it as the one SMS it is (at most 140 octets: it has nothing to split).
 * <p>
 * The {@link SendingLoop} is the SMPP sender's: the same {@code sent.log}, resume, window, rate and
 * stop. Kannel answers 202 when it took the message ("0: Accepted for delivery", or "3: Queued for
 * later delivery"): logged as accepted with that answer. An answer that denies the number
 * (Kannel's white and black lists and prefixes) is logged as refused with Kannel's words; 503 is
 * retried after a pause; a connection that fails is retried with back-off. Any other refusal
 * (wrong user or password, a parameter Kannel does not take) stops the run: it would refuse every
 * segment alike, and logging them as refused would skip them on the next run.
 */
public final class KannelSender implements Sender {

    /** {@code /cgi-bin/sendsms}, added to a URL given without a path. */
    public static final String SENDSMS_PATH = "/cgi-bin/sendsms";
    /** Kannel's coding for 8-bit data, which it sends as DCS 0x04. */
    private static final int CODING_8BIT = 1;
    private static final int DCS_8BIT = 0x04;

    /**
     * @param sendsms  smsbox's sendsms URL ({@code http://host:13013/cgi-bin/sendsms}; a URL without a path gets it)
     * @param user     the sendsms-user's username
     * @param password its password (never printed)
     * @param window   requests outstanding at once
     * @param rate     requests per second at most, 0 for no limit
     * @param source   the {@code from} address, empty for the sendsms-user's default-sender
     */
    public record Options(Path campaign, URI sendsms, String user, String password, int window, int rate, boolean resendInDoubt,
            String source, Consumer<String> progress) {
    }

    private final Options options;
    private final URI endpoint;
    private final SendingLoop loop;

    public KannelSender(Options options) {
        this.options = options;
        this.endpoint = endpoint(options.sendsms());
        this.loop = new SendingLoop(options.campaign(), options.window(), options.rate(), options.resendInDoubt(), options.progress());
    }

    /** {@code text} as an http URL of smsbox's sendsms, or an error that says what to give. */
    public static URI parse(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("'" + text + "' is not the URL of Kannel's sendsms, for example http://127.0.0.1:13013"
                    + SENDSMS_PATH + " (no query: the user and password are separate options)");
        }
        return endpoint(uri);
    }

    private static URI endpoint(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/") ? uri.resolve(SENDSMS_PATH) : uri;
    }

    /** Stops taking segments; the requests outstanding finish and are logged. */
    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public CampaignSender.Result send() throws SendException {
        return loop.run(new Sendsms());
    }

    /** The sendsms query of one segment, without the user and password. */
    static String query(Submission submission, String source) throws SendException {
        if (submission.dataCoding() != DCS_8BIT) {
            throw new SendException(String.format(Locale.ROOT, "The campaign's TPDUs have data coding 0x%02X; Kannel's sendsms sends"
                    + " binary data as 0x04 only (coding=1 without a message class): send this campaign over SMPP (--smpp).",
                    submission.dataCoding()));
        }
        byte[] userData = submission.shortMessage();
        int headerLength = (submission.esmClass() & Submission.UDHI) != 0 ? 1 + (userData[0] & 0xFF) : 0;
        StringBuilder query = new StringBuilder(24 + userData.length * 3 + submission.destination().length());
        query.append("to=").append(submission.international() ? "%2B" : "").append(URLEncoder.encode(submission.destination(),
                StandardCharsets.US_ASCII));
        if (!source.isEmpty()) {
            query.append("&from=").append(URLEncoder.encode(source, StandardCharsets.UTF_8));
        }
        query.append("&coding=").append(CODING_8BIT);
        if (submission.protocolId() != 0) {
            query.append("&pid=").append(submission.protocolId());
        }
        if (headerLength > 0) {
            query.append("&udh=");
            percent(userData, 0, headerLength, query);
        }
        query.append("&text=");
        percent(userData, headerLength, userData.length, query);
        return query.toString();
    }

    /** Every octet as %XX: binary data, never a character set's idea of it. */
    private static void percent(byte[] octets, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((octets[i] >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(octets[i] & 0xF, 16)));
        }
    }

    /** The HTTP side of the loop: one GET per segment over the JDK's HTTP/1.1 client, which keeps its connections alive. */
    private final class Sendsms implements SendingLoop.Transport {

        private HttpClient client;
        private String credentials;

        @Override
        public void open() {
            credentials = "username=" + URLEncoder.encode(options.user(), StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(options.password(), StandardCharsets.UTF_8);
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        }

        @Override
        public SendingLoop.Outcome submit(SendingLoop.Segment segment, int worker) throws SendException, InterruptedException {
            String query;
            try {
                query = query(Submission.of(segment.tpdu(), segment.msisdn()), options.source());
            } catch (DecodeException e) {
                throw new SendException("segment " + segment.name() + " is not an SMS-SUBMIT: " + e.getMessage(), e);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?" + credentials + "&" + query))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // Never the request: its URL holds the password.
                return new SendingLoop.Outcome.Broken(new IOException("Kannel's sendsms at " + endpoint + " did not answer ("
                        + e.getClass().getSimpleName() + ")", e));
            }
            String answer = response.body().strip();
            int status = response.statusCode();
            if (status == 202) {
                return new SendingLoop.Outcome.Accepted(answer);
            }
            if (status == 503) {
                return new SendingLoop.Outcome.Busy();
            }
            if (status >= 500) {
                return new SendingLoop.Outcome.Broken(new IOException("Kannel's sendsms answered " + status + " " + answer));
            }
            if (answer.toLowerCase(Locale.ROOT).contains("denied")) {
                return new SendingLoop.Outcome.Refused(status + " " + answer);
            }
            throw new SendException("Kannel's sendsms at " + endpoint + " refused segment " + segment.name() + " with " + status + " \""
                    + answer + "\"" + (status == 403 ? ": check the sendsms-user's username and password, and user-allow-ip"
                            : ": check the sendsms-user group of kannel.conf"));
        }

        @Override
        public void recover(int worker, int attempt) throws InterruptedException {
            // smsbox restarting or overloaded: wait longer each time; the client reconnects by itself.
            Thread.sleep(Math.min(30_000, 250L << Math.min(attempt, 7)));
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
