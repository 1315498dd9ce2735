package io.ferry.cutover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link TlsOptions} into Connector/J connection properties. The driver reads CA and client
 * certificates only from key stores, so the PEM files are loaded into PKCS#12 stores written once
 * per run to owner-only temporary files (deleted when the JVM exits) under a random password.
 */
public final class TlsDriverProperties {

  private static final Pattern PEM_KEY =
      Pattern.compile("-----BEGIN ([A-Z ]*PRIVATE KEY)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final Map<TlsOptions, Map<String, String>> CACHE = new ConcurrentHashMap<>();

  private TlsDriverProperties() {}

  /**
   * The driver properties for these options (empty for {@link TlsOptions#DEFAULT}).
   *
   * @throws IllegalArgumentException naming the option and file that cannot be read or used
   */
  public static Map<String, String> of(TlsOptions tls) {
    return CACHE.computeIfAbsent(tls, TlsDriverProperties::build);
  }

  private static Map<String, String> build(TlsOptions tls) {
    Map<String, String> properties = new LinkedHashMap<>();
    tls.effectiveMode().ifPresent(mode -> properties.put("sslMode", mode.name()));
    if (tls.ca().isPresent()) {
      Path ca = tls.ca().get();
      String password = randomPassword();
      KeyStore store = emptyStore();
      List<Certificate> certificates = certificates("ssl-ca", ca);
      for (int i = 0; i < certificates.size(); i++) {
        try {
          store.setCertificateEntry("ca-" + i, certificates.get(i));
        } catch (GeneralSecurityException e) {
          throw new IllegalArgumentException("ssl-ca " + ca + ": " + e.getMessage(), e);
        }
      }
      properties.put("trustCertificateKeyStoreUrl", write(store, password, "ssl-ca", ca));
      properties.put("trustCertificateKeyStoreType", "PKCS12");
      properties.put("trustCertificateKeyStorePassword", password);
      // only the given CA is trusted, as with the MySQL client's --ssl-ca
      properties.put("fallbackToSystemTrustStore", "false");
    }
    if (tls.certificate().isPresent()) {
      Path certificate = tls.certificate().get();
      Path keyFile = tls.key().orElseThrow();
      String password = randomPassword();
      KeyStore store = emptyStore();
      try {
        store.setKeyEntry(
            "client",
            privateKey(keyFile),
            password.toCharArray(),
            certificates("ssl-cert", certificate).toArray(Certificate[]::new));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "ssl-cert " + certificate + " and ssl-key " + keyFile + ": " + e.getMessage(), e);
      }
      properties.put(
          "clientCertificateKeyStoreUrl", write(store, password, "ssl-cert", certificate));
      properties.put("clientCertificateKeyStoreType", "PKCS12");
      properties.put("clientCertificateKeyStorePassword", password);
    }
    return Map.copyOf(properties);
  }

  private static List<Certificate> certificates(String option, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<Certificate> certificates =
          new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(option + " " + file + " holds no PEM certificate");
      }
      return certificates;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          option + " " + file + " cannot be read: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          option + " " + file + " is not a PEM certificate: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("ssl-key " + file + " cannot be read: " + e.getMessage());
    }
    Matcher matcher = PEM_KEY.matcher(text);
    if (!matcher.find()) {
      throw new IllegalArgumentException("ssl-key " + file + " holds no PEM private key");
    }
    if (!matcher.group(1).equals("PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "ssl-key "
              + file
              + " is a "
              + matcher.group(1)
              + "; give an unencrypted PKCS#8 key (BEGIN PRIVATE KEY), e.g. from: openssl pkcs8"
              + " -topk8 -nocrypt -in "
              + file
              + " -out client-key.pk8.pem");
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next one
      }
    }
    throw new IllegalArgumentException(
        "ssl-key " + file + " is not an RSA, EC or Ed25519 PKCS#8 private key");
  }

  private static KeyStore emptyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JVM has no PKCS#12 key store", e);
    }
  }

  private static String write(KeyStore store, String password, String option, Path source) {
    try {
      Path file =
          Files.createTempFile(
              "ferry-tls-",
              ".p12",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password.toCharArray());
      }
      return file.toUri().toString();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          option + " " + source + ": cannot write its key store: " + e.getMessage(), e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
