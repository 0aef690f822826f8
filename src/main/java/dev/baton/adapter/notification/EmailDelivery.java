package dev.baton.adapter.notification;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.notification.Delivery;
import dev.baton.core.notification.Notice;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * Email over SMTP: a plain-text part and an HTML part, both with the handoff packet in the body; the notice's key is
 * the Message-ID's local part, so a mail client can tell a retry from a new notice.
 */
public final class EmailDelivery implements Delivery {

    private final JavaMailSender mail;
    private final String from;

    public EmailDelivery(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void deliver(Notice notice) throws Failed {
        try {
            MimeMessage message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(notice.recipient());
            helper.setSubject(notice.subject());
            helper.setText(notice.text(), html(notice));
            message.setHeader("X-Baton-Notice", notice.key());
            mail.send(message);
        } catch (MessagingException | MailException e) {
            throw new Failed("the mail server refused it: " + e.getMessage(), e);
        }
    }

    private static String html(Notice notice) {
        String text = HtmlUtils.htmlEscape(notice.text());
        return "<!doctype html><html><body style=\"font-family:sans-serif\"><h2>"
                + HtmlUtils.htmlEscape(notice.subject())
                + "</h2><pre style=\"font-family:inherit;white-space:pre-wrap\">" + text + "</pre></body></html>";
    }
}
