using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FactCheck;

/// <summary>A problem in a content file, reported as "file:line: message".</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>An advisory file: YAML front matter between two "---" lines, then the Markdown body.</summary>
public sealed class AdvisoryFile
{
    public required FrontMatter Meta { get; init; }
    public required string Body { get; init; }
    public required string FileName { get; init; }
    /// <summary>Front-matter text, kept to point error messages at the right line.</summary>
    private string[] lines = [];

    private static readonly IDeserializer yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses the file, or returns the first problem with its line number.</summary>
    public static (AdvisoryFile? File, ContentError? Error) Parse(string fileName, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var all = text.Split('\n');
        if (all.Length == 0 || all[0].TrimEnd() != "---")
            return (null, new(fileName, 1, "the file must start with a '---' line opening the front matter"));
        var close = Array.FindIndex(all, 1, l => l.TrimEnd() == "---");
        if (close < 0)
            return (null, new(fileName, all.Length, "the front matter is not closed with a '---' line"));

        var frontMatter = string.Join('\n', all[1..close]);
        FrontMatter? meta;
        try
        {
            meta = yaml.Deserialize<FrontMatter>(frontMatter);
        }
        catch (YamlException e)
        {
            // YAML lines are counted from the line after the opening '---'.
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            return (null, new(fileName, (int)e.Start.Line + 1, "front matter: " + Plain(message)));
        }
        if (meta is null)
            return (null, new(fileName, 2, "the front matter is empty"));

        return (new AdvisoryFile
        {
            Meta = meta,
            Body = string.Join('\n', all[(close + 1)..]).Trim('\n'),
            FileName = fileName,
            lines = all[..close],
        }, null);
    }

    /// <summary>The line of a front-matter key ("claim.first_seen" finds "first_seen:" after "claim:"), or 1.</summary>
    public int LineOf(string key, string? containing = null)
    {
        var start = 0;
        foreach (var part in key.Split('.'))
        {
            var found = Array.FindIndex(lines, start, l =>
                l.TrimStart(' ', '-').StartsWith(part + ":", StringComparison.Ordinal) &&
                (containing is null || l.Contains(containing, StringComparison.Ordinal)));
            if (found < 0) found = Array.FindIndex(lines, start, l => l.TrimStart(' ', '-').StartsWith(part + ":", StringComparison.Ordinal));
            if (found < 0) return start + 1;
            start = found;
        }
        return start + 1;
    }

    public ContentError Error(string key, string message, string? containing = null) =>
        new(FileName, LineOf(key, containing), message);

    private static string Plain(string message) =>
        message.Replace("(Lin:", "(line", StringComparison.Ordinal);

    public sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Kind { get; set; }
        public string? Language { get; set; }
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Status { get; set; }
        public string? Published { get; set; }
        public string? Updated { get; set; }
        public List<string> Authors { get; set; } = [];
        public string? TranslationKey { get; set; }
        public string? Verdict { get; set; }
        public string? Severity { get; set; }
        public ClaimYaml? Claim { get; set; }
        public List<string> Platforms { get; set; } = [];
        public List<string> Tags { get; set; } = [];
        public List<IndicatorYaml> Indicators { get; set; } = [];
        public List<string> Steps { get; set; } = [];
        public List<SourceYaml> Sources { get; set; } = [];
        public List<ScreenshotYaml> Screenshots { get; set; } = [];
        public List<CorrectionYaml> Corrections { get; set; } = [];
        public string? WithdrawalReason { get; set; }
    }

    public sealed class ClaimYaml
    {
        public string? Text { get; set; }
        public string? Claimant { get; set; }
        /// <summary>person, organization or platform-accounts (issue 13).</summary>
        public string? ClaimantKind { get; set; }
        public string? FirstSeen { get; set; }
        public List<string> Appearances { get; set; } = [];
    }

    public sealed class IndicatorYaml
    {
        public string? Type { get; set; }
        public string? Value { get; set; }
        public string? Country { get; set; }
        public string? FirstSeen { get; set; }
        public string? LastSeen { get; set; }
    }

    public sealed class SourceYaml
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Publisher { get; set; }
        public string? Accessed { get; set; }
        public string? ArchiveUrl { get; set; }
    }

    public sealed class ScreenshotYaml
    {
        public string? File { get; set; }
        public string? Alt { get; set; }
        public string? Caption { get; set; }
    }

    public sealed class CorrectionYaml
    {
        public string? Date { get; set; }
        public string? Kind { get; set; }
        public string? Note { get; set; }
    }
}
