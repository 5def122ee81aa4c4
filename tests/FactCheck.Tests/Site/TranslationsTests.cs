using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FactCheck.Tests.Site;

/// <summary>Every string a reader sees exists in Arabic, Ukrainian and English.</summary>
public partial class TranslationsTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot.Path, "src", "FactCheck.Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static readonly Dictionary<string, string> English = Load("SharedResource.resx");

    /// <summary>One resource file per language besides English (docs/adding-a-language.md, step 4).</summary>
    public static TheoryData<string> TranslatedFiles() =>
        [.. SiteLanguage.All.Where(l => l != SiteLanguage.English).Select(l => $"SharedResource.{l.Code}.resx")];

    [Theory]
    [MemberData(nameof(TranslatedFiles))]
    public void Every_english_string_is_translated(string file)
    {
        Assert.True(File.Exists(Path.Combine(Resources, file)), file + " is missing");
        var translated = Load(file);
        Assert.Empty(English.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(English.Keys));
        Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Fact]
    public void Every_key_used_in_code_and_views_exists()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "FactCheck.Web");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(k => !English.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "keys without a string: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_enum_value_shown_to_readers_has_a_label()
    {
        var keys = Enum.GetNames<AdvisoryKind>().Select(n => "Kind." + n)
            .Concat(Enum.GetNames<Severity>().Select(n => "Severity." + n))
            .Concat(Enum.GetNames<IndicatorType>().Select(n => "Indicator." + n))
            .Concat(Enum.GetNames<CorrectionKind>().Select(n => "Correction." + n))
            .Concat(new[] { "NotFound", "BadRequest", "Gone", "ServerError" }.SelectMany(e => new[] { $"Error.{e}", $"Error.{e}.Text" }))
            // The back-office and the desk's e-mails name these by key too.
            .Concat(Enum.GetNames<AuditAction>().Select(n => "Admin.Audit." + n))
            .Concat(Enum.GetNames<NotificationEvent>().SelectMany(n => new[] { "Admin.Notifications.Event." + n, "Notify.Subject." + n, "Notify.Text." + n }))
            .Concat(Enum.GetNames<DeliveryChannel>().Select(n => "Admin.Webhooks.Channel." + n))
            .Concat(Enum.GetNames<NoteKind>().Where(n => n != nameof(NoteKind.Comment)).Select(n => "Admin.Desk.Kind." + n));

        var missing = keys.Where(k => !English.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "keys without a string: " + string.Join(", ", missing));
    }

    // T["Key"], text["Key"] and Localizer["Key"] with a literal key.
    [GeneratedRegex("""\b(?:T|text|Text|localizer|Localizer)\["([A-Za-z0-9_.]+)"\]""")]
    private static partial Regex LiteralKey();
}
