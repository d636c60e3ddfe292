package vn.khien.app.accounts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenLDAP {@code slapd} (Debian package) for tests: mdb backend and ppolicy overlay in a temporary
 * folder, seeded offline with {@code slapadd} (so operational attributes such as {@code pwdLastSuccess} can be
 * set), listening on a free loopback port.
 */
final class Slapd implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/slapd");
    static final String SUFFIX = "dc=khien,dc=test";
    static final String ROOT_DN = "cn=admin," + SUFFIX;
    static final String ROOT_PW = "slapd-test-secret";

    final Path dir;
    final int port;
    private final Process process;

    private Slapd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(Path.of("/usr/sbin/slapadd"));
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** Starts slapd with the entries of {@code ldif} (the suffix entry and policy are added here). */
    static Slapd start(String ldif) throws IOException, InterruptedException {
        return start(ldif, "");
    }

    /**
     * As {@link #start(String)}, loading {@code extraSchema} (slapd.conf schema statements) after the standard
     * schemas, e.g. the test-only Active Directory attributes.
     */
    static Slapd start(String ldif, String extraSchema) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("khien-slapd");
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("extra.schema"), extraSchema, StandardCharsets.UTF_8);
        String conf = """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                include /etc/ldap/schema/nis.schema
                include %1$s/extra.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                moduleload ppolicy
                pidfile %1$s/slapd.pid
                database mdb
                suffix "%2$s"
                rootdn "%3$s"
                rootpw %4$s
                directory %1$s/db
                maxsize 104857600
                lastbind on
                overlay ppolicy
                ppolicy_default "cn=default,ou=policies,%2$s"
                """.formatted(dir, SUFFIX, ROOT_DN, ROOT_PW);
        Files.writeString(dir.resolve("slapd.conf"), conf);
        String base = """
                dn: %1$s
                objectClass: dcObject
                objectClass: organization
                o: Khien test
                dc: khien

                dn: ou=policies,%1$s
                objectClass: organizationalUnit
                ou: policies

                dn: cn=default,ou=policies,%1$s
                objectClass: device
                objectClass: pwdPolicy
                cn: default
                pwdAttribute: userPassword
                pwdLockout: TRUE

                """.formatted(SUFFIX);
        Files.writeString(dir.resolve("seed.ldif"), base + ldif, StandardCharsets.UTF_8);
        run(
                new ProcessBuilder(
                        "/usr/sbin/slapadd",
                        "-f",
                        dir.resolve("slapd.conf").toString(),
                        "-l",
                        dir.resolve("seed.ldif").toString()),
                dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(
                        BINARY.toString(),
                        "-d",
                        "0",
                        "-f",
                        dir.resolve("slapd.conf").toString(),
                        "-h",
                        "ldap://127.0.0.1:" + port + "/")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("slapd.log").toFile())
                .start();
        Slapd slapd = new Slapd(dir, port, p);
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return slapd;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        String log = Files.exists(dir.resolve("slapd.log")) ? Files.readString(dir.resolve("slapd.log")) : "";
        slapd.close();
        throw new IllegalStateException("slapd did not start: " + log);
    }

    private static void run(ProcessBuilder pb, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("slapadd.log");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("slapadd failed: " + Files.readString(out));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** {@code {SSHA}} of a password with a random salt, as slappasswd makes it. */
    static String ssha(String password) {
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(password.getBytes(StandardCharsets.UTF_8));
            md.update(salt);
            byte[] d = md.digest();
            byte[] all = new byte[d.length + salt.length];
            System.arraycopy(d, 0, all, 0, d.length);
            System.arraycopy(salt, 0, all, d.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(all);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unsalted {@code {SHA}} of a password. */
    static String sha(String password) {
        try {
            return "{SHA}"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-1")
                                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
