using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd with its Mailbox handler, started with Debian's own interpreter
/// (docs/testing.md). Stop and start it to play a server that is down; received mails are read from the maildir.
/// </summary>
public sealed class LocalSmtp : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "gn-smtp-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd startade inte.");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("aiosmtpd avslutades: " + await _process.StandardError.ReadToEndAsync());
                }

                await Task.Delay(100);
            }
        }

        throw new TimeoutException("aiosmtpd lyssnar inte.");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        _process = null;
    }

    /// <summary>Every message received so far.</summary>
    public List<MimeMessage> Received()
    {
        var folder = Path.Combine(Folder, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
