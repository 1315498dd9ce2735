package io.ferry.agent.input.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The one-line reasons for failed handshakes, on exception chains shaped as the JDK throws them.
 */
class TlsFailureMessageTest {

  private static SSLHandshakeException handshake(String message, Throwable cause) {
    var failure = new SSLHandshakeException(message);
    failure.initCause(cause);
    return failure;
  }

  @Test
  void anUntrustedCertificateIsSaidSoWithTheJdksReason() {
    var pathBuilding =
        new CertPathBuilderException("unable to find valid certification path to requested target");
    var failure =
        handshake(
            "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException:"
                + " unable to find valid certification path to requested target",
            new CertificateException("PKIX path building failed", pathBuilding));

    assertThat(TlsFailureMessage.explain(failure))
        .isEqualTo(
            "the server's certificate is not trusted"
                + " (unable to find valid certification path to requested target)");
  }

  @Test
  void anExpiredCertificateIsSaidSoWithItsDate() {
    var expired = new CertificateExpiredException("NotAfter: Sat Jan 01 00:00:00 UTC 2022");
    var failure =
        handshake(
            "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity"
                + " check failed",
            new CertificateException("validity check failed", expired));

    assertThat(TlsFailureMessage.explain(failure))
        .isEqualTo(
            "the server's certificate is not valid now (NotAfter: Sat Jan 01 00:00:00 UTC 2022)");
  }

  @Test
  void aCertificateForAnotherNameIsSaidSo() {
    var failure =
        handshake(
            "No subject alternative DNS name matching blog.example found.",
            new CertificateException(
                "No subject alternative DNS name matching blog.example found."));

    assertThat(TlsFailureMessage.explain(failure))
        .isEqualTo(
            "the server's certificate does not match the host name"
                + " (No subject alternative DNS name matching blog.example found.)");
  }

  @Test
  void anyOtherFailureGivesTheDeepestReasonWithoutClassNames() {
    var failure =
        handshake(
            "Received fatal alert: protocol_version",
            new javax.net.ssl.SSLException(
                "java.io.IOException: Received fatal alert: protocol_version"));

    assertThat(TlsFailureMessage.explain(failure))
        .isEqualTo("Received fatal alert: protocol_version");
  }
}
