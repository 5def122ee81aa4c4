using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FactCheck.Tests.Registry;

/// <summary>
/// A real SMTP server for the reply tests: Debian's python3-aiosmtpd on a free loopback port, delivering
/// into a Maildir the test reads. Stopped (by its process id) when disposed.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process process;
    public int Port { get; }
    private readonly string folder = Directory.CreateTempSubdirectory("factcheck-smtp").FullName;

    /// <summary>Created by the server itself (it makes new/, cur/ and tmp/ only for a folder that is not there yet).</summary>
    public string Maildir => Path.Combine(folder, "maildir");

    public SmtpServer()
    {
        Port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        process = Process.Start(start)!;
        // Ready when it accepts a connection.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>The messages delivered so far, as raw text.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.Exists(Path.Combine(Maildir, "new")) ? Directory.GetFiles(Path.Combine(Maildir, "new")).Select(File.ReadAllText).ToList() : [];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool disposed;

    /// <summary>The factory disposing the site may call this twice (Dispose and DisposeAsync).</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
