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
    public static Task<(int ExitCode, string Output)> RunAsync(string dataPath, string? input, params string[] args) =>
        RunAsync(dataPath, input, new Dictionary<string, string>(), null, args);

    /// <summary>Runs a command with extra settings, through <paramref name="wrapper"/> when given (see <see cref="StartServerAsync"/>).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string dataPath, string? input, Dictionary<string, string> environment, IReadOnlyList<string>? wrapper, params string[] args)
    {
        await using var run = Start(dataPath, environment, wrapper, args);
        await run.process.StandardInput.WriteAsync(input ?? "");
        run.process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        await run.process.WaitForExitAsync(timeout.Token);
        run.process.WaitForExit(); // lets the output events drain
        return (run.process.ExitCode, run.Output);
    }

    /// <summary>
    /// Starts the site on a free loopback HTTPS port and waits until it listens. <paramref name="environment"/>
    /// adds settings; <paramref name="wrapper"/> is a command the site is started through (e.g. unshare, to give
    /// it a data folder of its own on a small or read-only file system: Reliability/StorageFaultTests.cs).
    /// </summary>
    public static async Task<(SiteProcess Site, Uri BaseUrl)> StartServerAsync(
        string dataPath, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? wrapper = null)
    {
        // Outside the data folder: a wrapper may mount another file system over it.
        var certificate = CertificateFile();
        Directory.CreateDirectory(dataPath);
        var settings = new Dictionary<string, string>
        {
            ["Kestrel__Certificates__Default__Path"] = certificate,
            ["Kestrel__Certificates__Default__Password"] = "test",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) settings[key] = value;
        var site = Start(dataPath, settings, wrapper, "--urls", "https://127.0.0.1:0");
        var listening = await site.WaitForLineAsync(line => ListeningOn().IsMatch(line));
        return (site, new Uri(ListeningOn().Match(listening).Groups[1].Value));
    }

    private static readonly Lock certificateGate = new();

    /// <summary>The test certificate as a file, written once per test run.</summary>
    private static string CertificateFile()
    {
        var file = Path.Combine(Path.GetTempPath(), "factcheck-tests", $"localhost-{Environment.ProcessId}.pfx");
        lock (certificateGate)
        {
            if (!File.Exists(file))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                TestCertificate.WritePfx(file, "test");
            }
        }
        return file;
    }

    /// <summary>The process id (the site itself: a wrapper execs it).</summary>
    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;

    /// <summary>Sends a signal (SIGKILL = 9, SIGTERM = 15) as an operator's kill would.</summary>
    public void Signal(int signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end (and its output to drain); false when it outlives <paramref name="patience"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { return false; }
        process.WaitForExit();
        return true;
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

    /// <summary>Starts the site's process (unstarted commands too), optionally through <paramref name="wrapper"/>.</summary>
    public static SiteProcess Start(string dataPath, Dictionary<string, string> environment, IReadOnlyList<string>? wrapper, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(wrapper is { Count: > 0 } ? wrapper[0] : dotnet)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (wrapper is { Count: > 0 })
        {
            foreach (var part in wrapper.Skip(1)) start.ArgumentList.Add(part);
            start.ArgumentList.Add(dotnet);
        }
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
