using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GemensamNamnd.Web.Features.Outbox;

/// <summary>Where the dispatcher hands mails: SMTP with MailKit, or a pickup folder on the embedded default.</summary>
public interface IMailTransport
{
    /// <summary>One session per batch: one SMTP connection reused for every message in it.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Sends one message and returns the server's reply.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over SMTP: host, port, STARTTLS/SSL/none and optional credentials from <see cref="MailOptions"/>.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            var security = o.Security switch
            {
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                MailSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(o.Host!, o.Port, security, cancellationToken);
            // Authenticate only when credentials are configured (a local relay or aiosmtpd offers no AUTH).
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, cancellationToken);
            }

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception)
            {
                // The batch is already recorded; a failed QUIT changes nothing.
            }

            client.Dispose();
        }
    }
}

/// <summary>The embedded default without SMTP settings: each mail becomes an <c>.eml</c> file in a folder.</summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSession>(new Session(Folder));
    }

    private sealed class Session(string folder) : IMailSession
    {
        public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            // Named by the stable Message-Id: writing the same outbox row twice overwrites, never duplicates.
            var path = Path.Combine(folder, message.MessageId + ".eml");
            await message.WriteToAsync(path, cancellationToken);
            return $"written {Path.GetFileName(path)}";
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
