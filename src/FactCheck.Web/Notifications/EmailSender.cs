using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FactCheck;

/// <summary>Sends one notification e-mail through the site's SMTP server (the "Mail" settings; MailKit), as plain UTF-8 text.</summary>
public sealed class EmailSender(IOptions<MailOptions> options)
{
    public async Task<DeliveryResult> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(delivery.Recipient));
        message.Subject = delivery.Subject ?? "";
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = delivery.Body };

        // A server that hangs fails this attempt (it is retried later) instead of holding the sender for minutes.
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new DeliveryResult(true, Status: 250);
        }
        catch (SmtpCommandException refused)
        {
            return new DeliveryResult(false, (int)refused.StatusCode, refused.Message);
        }
        catch (Exception problem) when (problem is IOException or SocketException or ProtocolException or AuthenticationException
                                            or SslHandshakeException or TimeoutException or ParseException
                                            || problem is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, Error: problem.Message);
        }
    }
}
