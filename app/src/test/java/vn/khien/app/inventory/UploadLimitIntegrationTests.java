package vn.khien.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * A 2 GB upload is refused from its declared size, before its body is read, and nothing is imported. Runs
 * over real HTTP against the embedded Tomcat, because MockMvc does not apply the multipart limits.
 */
@KhienIntegrationTest
class UploadLimitIntegrationTests {
    private static final long TWO_GB = 2L * 1024 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesATwoGigabyteResultLogWithoutReadingIt() throws Exception {
        fixtures.demoProvince();
        String key = fixtures.apiKey("T00", Role.COORDINATOR);
        // a raw request that declares 2 GB and waits for "100 Continue" before sending any of it, as curl does
        String head = "POST /api/v1/inventory/imports/osquery HTTP/1.1\r\n" + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + key + "\r\n"
                + "Content-Type: multipart/form-data; boundary=khien\r\n" + "Content-Length: " + TWO_GB + "\r\n"
                + "Expect: 100-continue\r\n" + "Connection: close\r\n\r\n";
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
        }
        // Tomcat answers "100 Continue" as the multipart parser starts, then the refusal, before any body byte
        assertThat(answer).contains("HTTP/1.1 413").contains("application/problem+json");
        assertThat(answer).doesNotContain("Exception");
        assertThat(jdbc.sql("select count(*) from endpoint").query(Long.class).single())
                .isZero();
    }
}
