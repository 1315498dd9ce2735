package io.ferry.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made in a test folder with openssl: a CA ({@code ca.pem}), a server certificate for
 * 127.0.0.1 ({@code server.pem}, {@code server-key.pem}), a client certificate ({@code client.pem},
 * {@code client-key.pem}, also as {@code client.p12}) and an unrelated CA ({@code other-ca.pem}).
 */
public final class TestCertificates {

  public static final char[] P12_PASSWORD = "test".toCharArray();

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  public static TestCertificates make(Path dir) throws Exception {
    var certs = new TestCertificates(dir);
    certs.ca("ca");
    certs.ca("other-ca");
    certs.signed("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost");
    certs.signed("client", "/CN=ferry-agent", "extendedKeyUsage=clientAuth");
    certs.openssl(
        "pkcs12",
        "-export",
        "-in",
        "client.pem",
        "-inkey",
        "client-key.pem",
        "-out",
        "client.p12",
        "-passout",
        "pass:" + new String(P12_PASSWORD));
    return certs;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  /** A client context trusting {@code caFile}, presenting the client certificate if asked. */
  public SSLContext clientContext(String caFile, boolean withClientCertificate) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(file(caFile))) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    if (withClientCertificate) {
      try (InputStream in = Files.newInputStream(file("client.p12"))) {
        keys.load(in, P12_PASSWORD);
      }
    } else {
      keys.load(null, null);
    }
    keyManagers.init(keys, P12_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  private void ca(String name) throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Ferry test " + name,
        "-keyout",
        name + "-key.pem",
        "-out",
        name + ".pem");
  }

  private void signed(String name, String subject, String extension) throws Exception {
    openssl(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-subj",
        subject,
        "-keyout",
        name + "-key.pem",
        "-out",
        name + ".csr");
    Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca-key.pem",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        name + ".ext",
        "-out",
        name + ".pem");
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(
          "openssl "
              + String.join(" ", args)
              + " failed: "
              + Files.readString(dir.resolve("openssl.log")));
    }
  }
}
