using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace FactCheck.Tests.Admin;

/// <summary>
/// The built site (FactCheck.Web.dll, copied beside the tests) run as its own process on a temporary
/// data folder, as an operator runs it: for the command line and for what is printed at first start.
/// Served over HTTPS with <see cref="TestCertificate"/>, as in production.
/// </summary>
public sealed partial class SiteProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly Lock gate = new();
    private TaskCompletionSource nextLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiteProcess(Process process) => this.process = process;

    /// <summary>Everything the process has printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get { lock (gate) return string.Join('\n', lines); }
    }

    /// <summary>Runs a command (e.g. create-admin) to its end, with <paramref name="input"/> as standard input.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataPath, string? input, params string[] args)
    {
        await using var run = Start(dataPath, [], args);
        await run.process.StandardInput.WriteAsync(input ?? "");
        run.process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        await run.process.WaitForExitAsync(timeout.Token);
        run.process.WaitForExit(); // lets the output events drain
        return (run.process.ExitCode, run.Output);
    }

    /// <summary>Starts the site on a free loopback HTTPS port and waits until it listens.</summary>
    public static async Task<(SiteProcess Site, Uri BaseUrl)> StartServerAsync(string dataPath)
    {
        var certificate = Path.Combine(dataPath, "localhost.pfx");
        Directory.CreateDirectory(dataPath);
        TestCertificate.WritePfx(certificate, "test");
        var site = Start(dataPath, new()
        {
            ["Kestrel__Certificates__Default__Path"] = certificate,
            ["Kestrel__Certificates__Default__Password"] = "test",
        }, "--urls", "https://127.0.0.1:0");
        var listening = await site.WaitForLineAsync(line => ListeningOn().IsMatch(line));
        return (site, new Uri(ListeningOn().Match(listening).Groups[1].Value));
    }

    /// <summary>The first printed line that matches, waiting for it if need be (woken by each new line or the exit).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            Task printed;
            lock (gate)
            {
                if (lines.FirstOrDefault(matches) is { } line) return line;
                printed = nextLine.Task;
            }
            if (process.HasExited) break;
            try { await printed.WaitAsync(patience.Token); }
            catch (OperationCanceledException) { break; }
        }
        throw new InvalidOperationException($"the site never printed the expected line (exited: {process.HasExited}):\n{Output}");
    }

    /// <summary>An HTTP client for the started site that trusts only the test certificate and keeps cookies.</summary>
    public static HttpClient Client(Uri baseUrl) =>
        new(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Localhost.Thumbprint,
        })
        { BaseAddress = baseUrl };

    private static SiteProcess Start(string dataPath, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FactCheck.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The repository's appsettings.json, wwwroot/ and content/, as script/server runs it.
        start.Environment["ASPNETCORE_CONTENTROOT"] = RepositoryRoot.Path;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Site__DataPath"] = dataPath;
        start.Environment["Site__ImportContentOnStart"] = "false";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment.Remove("Database__ConnectionString");
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var site = new SiteProcess(process);
        process.OutputDataReceived += (_, e) => site.Append(e.Data);
        process.ErrorDataReceived += (_, e) => site.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    private void Append(string? line)
    {
        lock (gate)
        {
            if (line is not null) lines.Add(line);
            // null is the end of a stream: the process is exiting, which also ends a wait.
            nextLine.TrySetResult();
            nextLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (https://\S+)")]
    private static partial Regex ListeningOn();
}
