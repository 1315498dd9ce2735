package io.ferry.alerts.notify.email;

import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.NotifyException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends each notification as one plain-text mail to every recipient. A connection failure, a
 * timeout or an SMTP 4xx reply can be retried; a 5xx reply or failed login cannot.
 */
public final class EmailNotifier implements Notifier {

  private static final int MESSAGE_EXCERPT = 200;

  private final String name;
  private final EmailConfig config;
  private final Session session;
  private final String what;

  public EmailNotifier(String name, EmailConfig config) {
    this.name = name;
    this.config = config;
    this.what = "email receiver " + name + " (smtp " + config.host() + ":" + config.port() + ")";
    String millis = Long.toString(config.timeout().toMillis());
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol", "smtp");
    properties.setProperty("mail.smtp.host", config.host());
    properties.setProperty("mail.smtp.port", Integer.toString(config.port()));
    properties.setProperty("mail.smtp.connectiontimeout", millis);
    properties.setProperty("mail.smtp.timeout", millis);
    properties.setProperty("mail.smtp.writetimeout", millis);
    properties.setProperty("mail.smtp.auth", Boolean.toString(config.username() != null));
    properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(config.starttls()));
    properties.setProperty("mail.smtp.starttls.required", Boolean.toString(config.starttls()));
    this.session = Session.getInstance(properties);
  }

  @Override
  public String name() {
    return name;
  }

  /** The configuration it was built from. */
  public EmailConfig config() {
    return config;
  }

  @Override
  public void send(Notification notification) throws NotifyException {
    EmailMessage mail = EmailMessage.of(notification);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(config.from()));
      for (String address : config.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
      }
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.body(), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(Instant.now()));
      if (config.username() == null) {
        Transport.send(message);
      } else {
        Transport.send(
            message,
            config.username(),
            config.password() == null ? "" : config.password().reveal());
      }
    } catch (MessagingException e) {
      throw new NotifyException(what + ": " + describe(e), retryable(e), e);
    }
  }

  /** Whether sending again may succeed after {@code failure}. */
  static boolean retryable(MessagingException failure) {
    if (failure instanceof AuthenticationFailedException) {
      return false;
    }
    Integer code = replyCode(failure);
    if (code != null) {
      return code >= 400 && code < 500;
    }
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The SMTP reply code of the failure or of the first failure nested in it, or null. */
  private static Integer replyCode(MessagingException failure) {
    Exception current = failure;
    while (current != null) {
      if (current instanceof SMTPSendFailedException send) {
        return send.getReturnCode();
      }
      if (current instanceof SMTPAddressFailedException address) {
        return address.getReturnCode();
      }
      if (current instanceof SMTPSenderFailedException sender) {
        return sender.getReturnCode();
      }
      current =
          current instanceof MessagingException messaging ? messaging.getNextException() : null;
    }
    return null;
  }

  private static String describe(MessagingException failure) {
    String message = failure.getMessage();
    String text =
        (message == null ? failure.getClass().getSimpleName() : message)
            .strip()
            .replaceAll("\\s+", " ");
    return text.length() <= MESSAGE_EXCERPT ? text : text.substring(0, MESSAGE_EXCERPT) + "...";
  }

  @Override
  public String toString() {
    return "EmailNotifier[name=" + name + ", " + config + "]";
  }
}
