using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Tests.Admin;
using Json.Schema;

namespace FactCheck.Tests.Registry;

/// <summary>
/// The registry for blocklists: CSV (formula-safe), JSON and STIX 2.1. The bundle is validated against
/// OASIS's STIX 2.1 JSON schemas, committed beside this file (stix2.1-schemas/, never fetched at test time).
/// </summary>
public class RegistryExportTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private static readonly SemaphoreSlim once = new(1, 1);
    private static bool entered;

    private async Task DataAsync()
    {
        await once.WaitAsync();
        try
        {
            if (entered) return;
            var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
            await RegistrySteps.CreateOrganisationAsync(client, "bank-example", "Example Bank");
            var hotline = await RegistrySteps.CreateEntryAsync(client, IndicatorType.Phone, "+44 7700 900777", "Official", "2023-01-01", "bank-example", "hotline",
                label: "=HYPERLINK(\"https://evil.example\",\"call\")");
            Assert.Equal(HttpStatusCode.Redirect, (await RegistrySteps.AddStatusAsync(client, hotline, "Hijacked", "2025-02-01", "bank-example", null, "Bank statement")).StatusCode);
            var domain = await RegistrySteps.CreateEntryAsync(client, IndicatorType.Domain, "examp1e-bank.example", "Malicious", "2025-03-01", source: "Reader reports");
            // Cleared: it turned out to belong to a charity.
            Assert.Equal(HttpStatusCode.Redirect, (await RegistrySteps.AddStatusAsync(client, domain, "Unknown", "2025-04-01", null, null, "Owner confirmed")).StatusCode);
            await RegistrySteps.CreateEntryAsync(client, IndicatorType.Handle, "@examplebank_support_bot", "Malicious", "2025-05-01");
            await RegistrySteps.CreateEntryAsync(client, IndicatorType.Url, "https://examp1e-bank.example/it's/login", "Malicious", "2025-05-02");
            await RegistrySteps.CreateEntryAsync(client, IndicatorType.Wallet, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "Malicious", "2025-05-03");
            entered = true;
        }
        finally
        {
            once.Release();
        }
    }

    private static JsonSchema Bundle()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Registry", "stix2.1-schemas");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema? bundle = null;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            var schema = JsonSchema.FromText(File.ReadAllText(file), options);
            options.SchemaRegistry.Register(schema);
            if (file.EndsWith(Path.Combine("common", "bundle.json"), StringComparison.Ordinal)) bundle = schema;
        }
        return bundle!;
    }

    [Fact]
    public async Task The_stix_bundle_validates_against_the_stix_2_1_schemas()
    {
        await DataAsync();
        var response = await site.Client().GetAsync("/registry/v1/stix.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/stix+json", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var document = JsonDocument.Parse(text);
        var result = Bundle().Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {d.EvaluationPath}: {e.Value}")).Take(20)));

        var indicators = JsonNode.Parse(text)!["objects"]!.AsArray().Where(o => (string?)o!["type"] == "indicator").ToList();
        var official = indicators.Single(i => (string?)i!["x_factcheck_phone_number"] == "+447700900777" && (string?)i!["x_factcheck_status"] == "official")!;
        Assert.Equal("benign", (string?)official["indicator_types"]![0]);
        Assert.Equal("2023-01-01T00:00:00.000Z", (string?)official["valid_from"]);
        Assert.Equal("2025-02-01T00:00:00.000Z", (string?)official["valid_until"]);
        var hijacked = indicators.Single(i => (string?)i!["x_factcheck_phone_number"] == "+447700900777" && (string?)i!["x_factcheck_status"] == "hijacked")!;
        Assert.Equal("compromised", (string?)hijacked["indicator_types"]![0]);
        Assert.Null(hijacked["valid_until"]);
        Assert.Equal("[x-factcheck-phone-number:value = '+447700900777']", (string?)hijacked["pattern"]);
        var cleared = indicators.Single(i => ((string?)i!["pattern"])!.Contains("domain-name:value = 'examp1e-bank.example'", StringComparison.Ordinal))!;
        Assert.True((bool)cleared["revoked"]!);
        Assert.Equal("2025-04-01T00:00:00.000Z", (string?)cleared["valid_until"]);
        var handle = indicators.Single(i => (string?)i!["x_factcheck_handle"] == "@examplebank_support_bot")!;
        Assert.Equal("[user-account:account_login = 'examplebank_support_bot']", (string?)handle["pattern"]);
        Assert.Contains(indicators, i => ((string?)i!["pattern"])!.Contains("it\\'s/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stix_document_the_schemas_refuse_is_refused_by_this_test_too()
    {
        // The validation is real: an indicator without its pattern does not pass.
        var broken = """
            {"type":"bundle","id":"bundle--6f3f5b1c-2c1a-4f5e-9d2b-1a2b3c4d5e6f","objects":[{"type":"indicator","spec_version":"2.1",
             "id":"indicator--6f3f5b1c-2c1a-4f5e-9d2b-1a2b3c4d5e6f","created":"2025-01-01T00:00:00.000Z","modified":"2025-01-01T00:00:00.000Z",
             "pattern_type":"stix","valid_from":"2025-01-01T00:00:00Z"}]}
            """;
        Assert.False(Bundle().Evaluate(JsonDocument.Parse(broken).RootElement).IsValid);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_csv_escapes_formulas_and_keeps_the_history()
    {
        await DataAsync();
        var response = await site.Client().GetAsync("/registry/v1/entries.csv");
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RegistryExport.Columns), lines[0]);
        // E.164 numbers start with "+": the cell is escaped like any other (consumers strip the leading apostrophe).
        var hotline = lines.Where(l => l.StartsWith("phone,'+447700900777,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, hotline.Count);
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"call\"\")\"", hotline[0]);
        Assert.Contains(",official,2023-01-01,2025-02-01,false,Example Bank,hotline,", hotline[0]);
        Assert.Contains(",hijacked,2025-02-01,,true,Example Bank,", hotline[1]);
        // No cell of the export starts a formula.
        foreach (var line in lines.Skip(1))
            Assert.DoesNotMatch("(^|,)\"?[=+\\-@]", line);
    }

    [Fact]
    public async Task The_json_lists_each_entry_with_its_status_now_and_history()
    {
        await DataAsync();
        var json = JsonNode.Parse(await (await site.Client().GetAsync("/registry/v1/entries.json")).Content.ReadAsStringAsync())!;
        Assert.Equal("factcheck-registry/1", (string?)json["format"]);
        var domain = json["entries"]!.AsArray().Single(e => (string?)e!["value"] == "examp1e-bank.example")!;
        Assert.Equal("unknown", (string?)domain["status"]);
        Assert.Equal(["malicious", "unknown"], domain["history"]!.AsArray().Select(h => (string?)h!["status"]));
    }

    [Fact]
    public async Task Exports_answer_conditional_requests_with_304()
    {
        await DataAsync();
        foreach (var path in new[] { "/registry/v1/stix.json", "/registry/v1/entries.csv", "/registry/v1/entries.json" })
        {
            var first = await site.Client().GetAsync(path);
            Assert.NotNull(first.Headers.ETag);
            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await site.Client().SendAsync(again)).StatusCode);
        }
    }
}
