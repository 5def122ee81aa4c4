using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FactCheck.Tests.Admin;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// <summary>
/// The built site as a real process on its own SQLite data folder (<see cref="SiteProcess"/>), with an
/// Admin made through the one-time setup link it prints and an HTTPS client signed in as that Admin:
/// what the kill, storage, shutdown and soak proofs drive from outside, as an operator's tools would.
/// Their length is set by environment variables (short in CI; bench/reliability/run runs the long ones)
/// and each prints its figures as "FIGURE name: value" lines for bench/README.md.
/// </summary>
public sealed partial class LiveSite : IAsyncDisposable
{
    /// <summary>The proofs run one after another (each loads the machine), beside the rest of the suite.</summary>
    public const string Collection = "live site";

    public const string Email = "chief@example.org";
    public string DataPath { get; }
    public SiteProcess Process { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    private readonly Dictionary<string, string> environment;
    private readonly IReadOnlyList<string>? wrapper;

    private LiveSite(string dataPath, Dictionary<string, string> environment, IReadOnlyList<string>? wrapper)
    {
        DataPath = dataPath;
        this.environment = environment;
        this.wrapper = wrapper;
    }

    /// <summary>A new data folder under the temporary folder (deleted on dispose).</summary>
    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "factcheck-tests", "live-" + Guid.NewGuid().ToString("N"));

    public static async Task<LiveSite> StartAsync(string? dataPath = null, Dictionary<string, string>? environment = null, IReadOnlyList<string>? wrapper = null)
    {
        var site = new LiveSite(dataPath ?? NewDataPath(), environment ?? [], wrapper);
        await site.StartProcessAsync();
        return site;
    }

    /// <summary>Starts (or starts again) the process; on a new site completes the setup link, else signs in.</summary>
    public async Task StartProcessAsync()
    {
        (Process, BaseUrl) = await SiteProcess.StartServerAsync(DataPath, environment, wrapper);
        Client = SiteProcess.Client(BaseUrl);
        Client.Timeout = TimeSpan.FromSeconds(60);
        await WaitUntilAsync(async () => (await Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        if (SetupLink().Match(Process.Output) is { Success: true } link && !setUp)
        {
            var form = await Form.LoadAsync(Client, link.Groups[1].Value);
            form.Set("Email", Email).Set("DisplayName", "Chief").Set("Password", BackOfficeSite.Password).Set("ConfirmPassword", BackOfficeSite.Password);
            Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(Client)).StatusCode);
            setUp = true;
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeSite.SignInAsync(Client, Email, BackOfficeSite.Password)).StatusCode);
        }
    }

    private bool setUp;

    /// <summary>kill -9, as a power cut or the OOM killer would, and waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        Process.Signal(9);
        Assert.True(await Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await Process.DisposeAsync();
    }

    public async Task<Guid> CreateDraftAsync(string title, string? body = null)
    {
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(Client), title);
        if (body is not null) form.Set("Body", body);
        var response = await form.SubmitAsync(Client, ("command", "save"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create answered {(int)response.StatusCode}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);
    }

    /// <summary>Saves a new body through the editor; true when the site acknowledged it (redirect after save).</summary>
    public async Task<HttpResponseMessage> SaveBodyAsync(Guid id, string body, HttpClient? client = null)
    {
        client ??= Client;
        var form = await Form.LoadAsync(client, $"/admin/advisories/{id}", "#editor");
        return await form.Set("Body", body).SubmitAsync(client, ("command", "save"));
    }

    /// <summary>Upload, then "add to the advisory": true when the site acknowledged the screenshot.</summary>
    public async Task<bool> AddScreenshotAsync(Guid id, byte[] png, string altText)
    {
        var staged = await ScreenshotSteps.UploadAsync(Client, id, png, "shot.png", altText);
        if (staged.StatusCode != HttpStatusCode.Redirect) return false;
        var add = await (await Form.LoadAsync(Client, staged.Headers.Location!.OriginalString, "#staged")).SubmitAsync(Client, ("command", "publish"));
        return add.StatusCode == HttpStatusCode.Redirect && add.Headers.Location!.OriginalString.Contains("done=screenshot-added", StringComparison.Ordinal);
    }

    /// <summary>The site's database file, opened read-only from outside (the process may be dead or alive).</summary>
    public SqliteConnection OpenDatabase(string? root = null) =>
        new($"Data Source={Path.Combine(root ?? DataPath, "factcheck.db")};Mode=ReadOnly;Pooling=False");

    public static async Task<string> IntegrityAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<string>> StringsAsync(SqliteConnection connection, string sql)
    {
        var values = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>Resident memory of the site now, in MB (VmRSS).</summary>
    public long ResidentMegabytes() =>
        File.ReadLines($"/proc/{Process.Id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        for (var deadline = DateTime.UtcNow + patience; ; await Task.Delay(100))
        {
            try { if (await condition()) return; }
            catch (HttpRequestException) { }
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the site");
        }
    }

    /// <summary>An environment variable's number, for the length of a proof (short by default, for CI).</summary>
    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static void Figure(ITestOutputHelper output, string name, object value)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"FIGURE {name}: {value}");
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
        Client?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"https://\S+?(/admin/setup/\S+)")]
    private static partial Regex SetupLink();
}
