package id.satupintu.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 GET over a plain socket, the response head exactly as sent: for what REST Assured and
 * java.net.http smooth over (framing headers such as Content-Length and Transfer-Encoding together,
 * which strict clients like Node's fetch refuse).
 */
public final class RawHttp {

    /** The status, every header (names lower-cased, each value as sent) and the body as framed by Content-Length. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private RawHttp() {
    }

    /** GETs {@code path} from the test instance with the given extra header lines ("Name: value"). */
    public static Answer get(String path, String... headerLines) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends {@code head} (the request line and headers, each ending in CRLF, without the blank line) and
     * then {@code body} exactly as given, from a thread of its own so that a server that answers before
     * reading the whole body (and closes) is still heard; returns the answer. For what REST Assured would
     * correct: a broken %-escape, chunked framing, over-long lines.
     */
    public static Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write((head + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.write(body);
                    out.flush();
                } catch (IOException closedEarly) {
                    // The server answered and closed before reading all of it: the answer is what counts.
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            Answer answer = read(in);
            writer.interrupt();
            return answer;
        }
    }

    /** {@code bytes} in chunked transfer coding, in chunks of {@code size}, with the last, empty chunk. */
    public static byte[] chunked(byte[] bytes, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < bytes.length; at += size) {
            int n = Math.min(size, bytes.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static Answer read(InputStream in) throws IOException {
        String[] head = readHead(in).split("\r\n");
        while (head[0].startsWith("HTTP/1.1 100")) {
            head = readHead(in).split("\r\n");
        }
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.computeIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).trim());
        }
        List<String> length = headers.getOrDefault("content-length", List.of());
        byte[] body = length.size() == 1 ? in.readNBytes(Integer.parseInt(length.get(0))) : in.readAllBytes();
        return new Answer(status, headers, body);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.length() - 4);
    }
}
