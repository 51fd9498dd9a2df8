package attndx.serve;

import attndx.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A loopback HTTP client for the API tests: GET, and multipart POSTs built by hand. */
final class Http {
    static final String BOUNDARY = "attndx-test-boundary";
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Status and parsed JSON body. */
    record Reply(int status, JsonNode json, String body) {}

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** POSTs one file part named {@code field}. */
    Reply upload(String field, String filename, String contentType, byte[] content) throws IOException,
            InterruptedException {
        return post("multipart/form-data; boundary=" + BOUNDARY, multipart(field, filename, contentType, content));
    }

    Reply post(String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/predict")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static byte[] multipart(String field, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    private Reply send(HttpRequest r) throws IOException, InterruptedException {
        HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = Json.mapper().readTree(resp.body());
        } catch (IOException e) {
            // not JSON (the viewer's HTML): the test looks at the body
        }
        return new Reply(resp.statusCode(), json, resp.body());
    }
}
