package io.ferry.alerts.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Which SMTP failures may be retried: the server's reply codes as Angus Mail reports them. */
class EmailFailureClassificationTest {

  private static SMTPSendFailedException sendFailed(int code) {
    return new SMTPSendFailedException("DATA", code, code + " no", null, null, null, null);
  }

  @Test
  void transientReplyIsRetryable() {
    assertThat(EmailNotifier.retryable(sendFailed(451))).isTrue();
  }

  @Test
  void permanentReplyIsNot() {
    assertThat(EmailNotifier.retryable(sendFailed(554))).isFalse();
  }

  @Test
  void nestedRecipientFailureDecides() {
    var recipient = new SMTPAddressFailedException(null, "RCPT TO", 550, "550 no such user");
    assertThat(EmailNotifier.retryable(new SendFailedException("Invalid Addresses", recipient)))
        .isFalse();
    var busy = new SMTPAddressFailedException(null, "RCPT TO", 452, "452 mailbox full");
    assertThat(EmailNotifier.retryable(new SendFailedException("Invalid Addresses", busy)))
        .isTrue();
  }

  @Test
  void refusedLoginIsNot() {
    assertThat(EmailNotifier.retryable(new AuthenticationFailedException("535 bad"))).isFalse();
  }

  @Test
  void timeoutIsRetryable() {
    assertThat(
            EmailNotifier.retryable(
                new MessagingException("Read timed out", new SocketTimeoutException("timeout"))))
        .isTrue();
  }
}
