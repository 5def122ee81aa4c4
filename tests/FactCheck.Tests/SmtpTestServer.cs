using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace FactCheck.Tests;

/// <summary>
/// A real SMTP server for the tests (the desk's notifications, replies to tips): Debian's python3-aiosmtpd
/// (installed by script/test) on a free loopback port, storing what it receives in a maildir that
/// <see cref="Messages"/> reads back. Stopped, by its process id, when disposed (once, however often called).
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly Process process;
    private readonly string maildir;

    public int Port { get; }

    public SmtpTestServer()
    {
        maildir = Path.Combine(Path.GetTempPath(), "factcheck-smtp", Guid.NewGuid().ToString("N"));
        // A maildir: Python's mailbox module only makes its folders when the directory itself is missing.
        foreach (var folder in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(maildir, folder));
        Port = FreePort();
        // -d makes aiosmtpd say "Server is listening on …" once its socket is bound: the test waits for that line.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-d", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Server is listening on", StringComparison.Ordinal) == true) listening.TrySetResult();
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("aiosmtpd stopped before listening (is python3-aiosmtpd installed? script/test installs it)"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!listening.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("aiosmtpd did not start listening within a minute");
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File)).ToList();
    }

    /// <summary>Messages sent to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits (for what the site's background sender does on its own) until <paramref name="address"/> has a message.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, TimeSpan patience)
    {
        var folder = Directory.CreateDirectory(Path.Combine(maildir, "new")).FullName;
        using var watcher = new FileSystemWatcher(folder) { EnableRaisingEvents = true };
        var arrived = new TaskCompletionSource();
        watcher.Created += (_, _) => arrived.TrySetResult();
        watcher.Renamed += (_, _) => arrived.TrySetResult();
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (To(address).FirstOrDefault() is { } message) return message;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"no e-mail to {address} within {patience}");
            // Woken by the maildir's next file; the timeout only bounds a failing test.
            await Task.WhenAny(arrived.Task, Task.Delay(left));
            arrived = new TaskCompletionSource();
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

    private bool disposed;

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.Dispose();
        try { Directory.Delete(maildir, recursive: true); } catch (IOException) { }
    }
}
