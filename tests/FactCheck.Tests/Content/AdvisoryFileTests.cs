namespace FactCheck.Tests.Content;

public class AdvisoryFileTests
{
    [Fact]
    public void Reads_front_matter_and_body()
    {
        var (file, error) = AdvisoryFile.Parse("a.md", """
            ---
            id: 3d0c7e62-4b8a-4b8e-9a51-0f3e8b1c2a10
            kind: fact-check
            language: ar
            title: "دعم فني مزيف"
            translation_key: support-code-scam
            claim:
              text: "فريق الدعم يحتاج رمزك"
              first_seen: 2025-03-10
            indicators:
              - type: phone
                value: "+44 7700 900123"
            ---
            # العنوان

            النص.
            """);
        Assert.Null(error);
        Assert.Equal("دعم فني مزيف", file!.Meta.Title);
        Assert.Equal("support-code-scam", file.Meta.TranslationKey);
        Assert.Equal("2025-03-10", file.Meta.Claim!.FirstSeen);
        Assert.Equal("+44 7700 900123", Assert.Single(file.Meta.Indicators).Value);
        Assert.Equal("# العنوان\n\nالنص.", file.Body);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var (file, error) = AdvisoryFile.Parse("a.md", "\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n");
        Assert.Null(error);
        Assert.Equal("T", file!.Meta.Title);
        Assert.Equal("Body", file.Body);
    }

    [Fact]
    public void Missing_opening_line_is_reported_on_line_1()
    {
        var (_, error) = AdvisoryFile.Parse("a.md", "title: T\n---\nBody");
        Assert.Equal(new ContentError("a.md", 1, "the file must start with a '---' line opening the front matter"), error);
    }

    [Fact]
    public void Unclosed_front_matter_is_reported()
    {
        var (_, error) = AdvisoryFile.Parse("a.md", "---\ntitle: T\nBody");
        Assert.NotNull(error);
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_with_its_file_line()
    {
        // Line 4 of the file holds the unterminated quoted string.
        var (_, error) = AdvisoryFile.Parse("content/advisories/bad.md", "---\nkind: alert\nlanguage: uk\ntitle: \"unterminated\nsummary: x\n---\nBody");
        Assert.NotNull(error);
        Assert.Equal("content/advisories/bad.md", error.File);
        Assert.InRange(error.Line, 4, 5);
        Assert.StartsWith("front matter:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_is_reported_with_its_line()
    {
        var (_, error) = AdvisoryFile.Parse("a.md", "---\ntitle: T\nverdikt: scam\n---\nBody");
        Assert.NotNull(error);
        Assert.Equal(3, error.Line);
        Assert.Contains("verdikt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_of_a_nested_key_is_found_after_its_parent()
    {
        var (file, _) = AdvisoryFile.Parse("a.md", "---\nindicators:\n  - first_seen: 2025-01-02\nclaim:\n  text: t\n  first_seen: 2025-01-01\n---\n");
        Assert.Equal(6, file!.LineOf("claim.first_seen"));
    }
}
