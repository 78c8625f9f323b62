package chipcast.local;

import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiResponse;
import chipcast.core.request.ErrorCode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local gateway's front door. It reads each request's head and checks it the way API Gateway takes a
 * request (RFC 9112's request line and header fields, an RFC 3986 URL, one framing, at most 10,240 bytes of
 * request line and header values) and answers a malformed one itself, in the API's error shape
 * (MALFORMED_REQUEST), where the JDK's HTTP server would answer an HTML page, a 501, or close the connection
 * without a word. A well-formed request goes on as it came, but with {@code Connection: close}, to the JDK
 * server on a loopback port of its own; its answer comes back byte for byte with {@code Connection: close} added,
 * so one connection carries one request and the front never has to find where an answer ends.
 */
final class GatewayFront implements AutoCloseable {
    /** API Gateway's quota: the request line and the header values together. */
    static final int MAX_HEAD = 10_240;
    /** What is read of a head at most before it is refused, whatever it holds. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The JDK server drops a request with more header fields (sun.net.httpserver.maxReqHeaders). */
    static final int MAX_HEADER_FIELDS = 200;
    static final int IDLE_MILLIS = 30_000;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-gateway-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    GatewayFront(int port, InetSocketAddress backend) throws IOException {
        this.backend = backend;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    }

    int port() {
        return listener.getLocalPort();
    }

    void start() {
        Thread acceptor = new Thread(this::accept, "local-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    Log.STDERR.info("the local gateway stopped accepting: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            RequestHead head;
            try {
                head = RequestHead.read(in);
            } catch (Malformed e) {
                client.getOutputStream().write(answer(e.getMessage(), e.head));
                lingeringClose(client, in);
                return;
            }
            if (head != null) {
                forward(client, in, head);
            }
        } catch (IOException e) {
            // the client went away or stayed silent past the idle time: nobody to answer
        }
    }

    /**
     * After an early answer the client may still be sending (a long head, a body): read and drop what it sends,
     * for a moment, so closing does not reset the connection before the client has read the answer.
     */
    private static void lingeringClose(Socket client, InputStream in) throws IOException {
        client.shutdownOutput();
        client.setSoTimeout(1_000);
        byte[] drop = new byte[8192];
        long left = 1 << 20;
        while (left > 0) {
            int n = in.read(drop);
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    private void forward(Socket client, InputStream in, RequestHead head) throws IOException {
        try (Socket server = new Socket()) {
            server.setTcpNoDelay(true);
            server.connect(backend);
            OutputStream toServer = server.getOutputStream();
            toServer.write(head.forwarded());
            toServer.flush();
            // The body, as the client sends it; this copy ends when either side closes.
            pool.execute(() -> {
                try {
                    in.transferTo(toServer);
                } catch (IOException e) {
                    // the exchange is over
                }
            });
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            OutputStream toClient = client.getOutputStream();
            byte[] answerHead;
            do {
                answerHead = readHead(fromServer);
                if (answerHead == null) {
                    return;
                }
                toClient.write(interim(answerHead) ? answerHead : withConnectionClose(answerHead));
            } while (interim(answerHead));
            fromServer.transferTo(toClient);
        }
    }

    /** A 1xx answer (100 Continue) comes before the real one. */
    private static boolean interim(byte[] head) {
        return head.length > 9 && head[9] == '1';
    }

    private static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.toLowerCase(Locale.ROOT).contains("\r\nconnection:")) {
            return head;
        }
        int lineEnd = text.indexOf("\r\n");
        return (text.substring(0, lineEnd) + "\r\nConnection: close" + text.substring(lineEnd)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An answer's head up to and with its blank line, or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.size() == 0 ? null : head.toByteArray();
    }

    /** The gateway's own answer, 400 MALFORMED_REQUEST: the API's error shape and headers, the connection closed after it. */
    static byte[] answer(String message, boolean headRequest) {
        ApiResponse response = ApiResponse.error(ErrorCode.MALFORMED_REQUEST, message, null);
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 400 Bad Request\r\n");
        for (Map.Entry<String, String> h : ApiHandler.headers(response).entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headRequest) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing
        }
        pool.shutdownNow();
    }

    /** A request the front refuses, and whether it was a HEAD (answered without a body). */
    static final class Malformed extends Exception {
        final boolean head;

        Malformed(String message, boolean head) {
            super(message, null, false, false);
            this.head = head;
        }
    }

    /** A request's head as the client sent it, each line as ISO-8859-1 text (byte for byte), once it is checked. */
    record RequestHead(String method, String target, String version, List<String> fields) {
        /** The head, or null when the connection closed before a request began. */
        static RequestHead read(InputStream in) throws IOException, Malformed {
            int[] budget = {MAX_HEAD_BYTES};
            String requestLine;
            do {
                requestLine = line(in, budget, false);
                if (requestLine == null) {
                    return null;
                }
            } while (requestLine.isEmpty()); // blank lines before a request are ignored (RFC 9112, 2.2)
            String[] parts = requestLine.split(" ", -1);
            boolean head = parts.length > 0 && parts[0].equals("HEAD");
            if (parts.length != 3 || !token(parts[0])) {
                throw new Malformed("malformed request line: it must be METHOD SP target SP HTTP/1.1", head);
            }
            if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
                throw new Malformed("unsupported HTTP version: only HTTP/1.1 and HTTP/1.0 are served here", head);
            }
            String target = checkTarget(parts[1], head);
            List<String> fields = new ArrayList<>();
            int size = requestLine.length();
            int contentLengths = 0;
            String transferEncoding = null;
            for (String field = line(in, budget, head); !field.isEmpty(); field = line(in, budget, head)) {
                if (field.charAt(0) == ' ' || field.charAt(0) == '\t') {
                    throw new Malformed("malformed header field: a line folded onto the one before (obs-fold)", head);
                }
                int colon = field.indexOf(':');
                if (colon <= 0 || !token(field.substring(0, colon))) {
                    throw new Malformed("malformed header field: a name (a token, no spaces) and a colon", head);
                }
                String name = field.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = field.substring(colon + 1).strip();
                if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                    throw new Malformed("malformed header field: control characters in the value of " + name, head);
                }
                size += value.length();
                if (size > MAX_HEAD) {
                    throw new Malformed("the request line and header values are larger than API Gateway's "
                            + MAX_HEAD + " bytes", head);
                }
                if (fields.size() == MAX_HEADER_FIELDS) {
                    throw new Malformed("more than " + MAX_HEADER_FIELDS + " header fields", head);
                }
                if (name.equals("content-length")) {
                    contentLengths++;
                    if (!value.matches("[0-9]{1,18}")) {
                        throw new Malformed("Content-Length must be a number of bytes", head);
                    }
                } else if (name.equals("transfer-encoding")) {
                    if (transferEncoding != null || !value.equalsIgnoreCase("chunked")) {
                        throw new Malformed("the only Transfer-Encoding served is chunked, once", head);
                    }
                    transferEncoding = value;
                }
                if (!name.equals("connection") && !name.equals("keep-alive")) {
                    fields.add(field);
                }
            }
            if (contentLengths > 1 || (contentLengths == 1 && transferEncoding != null)) {
                throw new Malformed("a request is framed by one Content-Length or by chunked Transfer-Encoding", head);
            }
            return new RequestHead(parts[0], target, parts[2], fields);
        }

        /**
         * The target as the JDK server will read it: origin form ("/path?query"), absolute form accepted too; a
         * path that starts with "//" is sent in absolute form, which the JDK server would otherwise read as a host.
         */
        private static String checkTarget(String target, boolean head) throws Malformed {
            if (!target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new Malformed("the URL holds a character that must be percent-encoded (RFC 3986)", head);
            }
            URI uri;
            try {
                uri = new URI(target);
            } catch (URISyntaxException e) {
                throw new Malformed("the URL is not valid (RFC 3986): a bad percent-encoding or a reserved character", head);
            }
            String lower = target.toLowerCase(Locale.ROOT);
            boolean origin = target.startsWith("/");
            boolean absolute = (lower.startsWith("http://") || lower.startsWith("https://")) && uri.getRawAuthority() != null
                    && (uri.getRawPath().isEmpty() || uri.getRawPath().startsWith("/"));
            if ((!origin && !absolute) || uri.getRawFragment() != null) {
                throw new Malformed("the request target must be a path (and query), such as /chips?limit=2", head);
            }
            return target.startsWith("//") ? "http://localhost" + target : target;
        }

        /** What goes to the JDK server: the same request, on a connection that closes after its answer. */
        byte[] forwarded() {
            StringBuilder out = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append("\r\n");
            fields.forEach(f -> out.append(f).append("\r\n"));
            out.append("Connection: close\r\n\r\n");
            return out.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        /** RFC 9110's token: what a method or a header name is made of. */
        private static boolean token(String s) {
            return !s.isEmpty() && s.chars().allMatch(c -> c < 0x7f && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0));
        }

        /** One line without its CRLF (a bare LF ends one too), or null at the end of the stream before any byte. */
        private static String line(InputStream in, int[] budget, boolean head) throws IOException, Malformed {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (--budget[0] < 0) {
                    throw new Malformed("the request line and header values are larger than API Gateway's " + MAX_HEAD
                            + " bytes", head);
                }
                if (b == '\n') {
                    int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                    return line.substring(0, end);
                }
                line.append((char) b);
            }
            if (line.length() == 0 && budget[0] == MAX_HEAD_BYTES) {
                return null;
            }
            throw new Malformed("the request ended before its head did", head);
        }
    }
}
