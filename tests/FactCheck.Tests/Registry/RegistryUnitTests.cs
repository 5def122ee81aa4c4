namespace FactCheck.Tests.Registry;

/// <summary>Look-alikes, CSV cells and tip clustering: the pure logic under the pages.</summary>
public class RegistryUnitTests
{
    [Theory]
    [InlineData("@r\u0435serveplusbot", "@reserveplusbot")] // Cyrillic е
    [InlineData("@reserv\u0435plus_bot", "@reserveplusbot")] // Cyrillic е and padding
    [InlineData("@rnonobank", "@monobank")] // rn for m
    [InlineData("@m0nobank", "@monobank")] // zero for o
    [InlineData("@privatbank_help", "@privatbank")] // the whole official name inside
    [InlineData("@reserevplusbot", "@reserveplusbot")] // two letters swapped
    public void Look_alike_handles_are_flagged(string candidate, string official) =>
        Assert.True(LookAlikes.Imitates(IndicatorType.Handle, candidate, LookAlikes.Skeleton(IndicatorType.Handle, candidate),
            official, LookAlikes.Skeleton(IndicatorType.Handle, official)));

    [Theory]
    [InlineData("xn--rserveplus-ksi.example", "reserveplus.example")] // punycode of rеserveplus with a Cyrillic е
    [InlineData("reserveplus-gov.example", "reserveplus.gov.example")]
    [InlineData("rnonobank.example", "monobank.example")]
    public void Look_alike_domains_are_flagged(string candidate, string official) =>
        Assert.True(LookAlikes.Imitates(IndicatorType.Domain, candidate, LookAlikes.Skeleton(IndicatorType.Domain, candidate),
            official, LookAlikes.Skeleton(IndicatorType.Domain, official)));

    [Theory]
    [InlineData("@monobank", "@monobank")] // itself
    [InlineData("@mono", "@nomo")] // short names may differ by a letter
    [InlineData("@weatherbot", "@reserveplusbot")]
    public void Different_or_identical_names_are_not_flagged(string candidate, string official) =>
        Assert.False(LookAlikes.Imitates(IndicatorType.Handle, candidate, LookAlikes.Skeleton(IndicatorType.Handle, candidate),
            official, LookAlikes.Skeleton(IndicatorType.Handle, official)));

    [Fact]
    public void A_handle_with_foreign_letters_is_kept_for_the_look_alike_check()
    {
        Assert.Contains((IndicatorType.Handle, "@r\u0435serveplusbot"), IndicatorNormalizer.Candidates("@R\u0435servePlusBot"));
        Assert.Contains((IndicatorType.Handle, "@r\u0435serveplusbot"), IndicatorNormalizer.MessageCandidates("Пишіть t.me/r\u0435serveplusbot зараз"));
        // A word in one foreign script is not a handle.
        Assert.DoesNotContain(IndicatorNormalizer.Candidates("Привіт"), c => c.Type == IndicatorType.Handle);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+380 67", "'+380 67")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("=\"x\",y", "\"'=\"\"x\"\",y\"")]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    public void Csv_cells_are_formula_safe_and_quoted(string? value, string expected) =>
        Assert.Equal(expected, CsvField.Escape(value));

    [Fact]
    public void Tips_cluster_by_shared_indicators_through_chains_and_by_similar_screenshots()
    {
        Tip Make(long? hash, params (IndicatorType, string)[] indicators) => new()
        {
            ScreenshotHash = hash, Indicators = indicators.Select(i => new TipIndicator { Type = i.Item1, Value = i.Item2 }).ToList(),
        };
        var a = Make(null, (IndicatorType.Phone, "+380930000771"));
        var b = Make(null, (IndicatorType.Phone, "0930000771"), (IndicatorType.Domain, "evil.example"));
        var c = Make(null, (IndicatorType.Domain, "evil.example"));
        var d = Make(0x0F0F_F0F0_0F0F_F0F0, (IndicatorType.Handle, "@x_bot"));
        var e = Make(0x0F0F_F0F0_0F0F_F0F1);
        var f = Make(null, (IndicatorType.Handle, "@other"));
        var groups = TipTriage.Group([a, b, c, d, e, f]);
        Assert.Equal([1, 2, 3], groups.Select(g => g.Count).Order());
        Assert.Contains(groups, g => g.Contains(a) && g.Contains(b) && g.Contains(c));
        Assert.Contains(groups, g => g.Contains(d) && g.Contains(e));
    }

    [Fact]
    public void Every_status_and_advice_has_a_label_in_each_language()
    {
        var keys = Enum.GetNames<ChannelStatus>().Select(s => "Registry.Status." + s)
            .Concat(Enum.GetNames<ChannelStatus>().Where(s => s != "Unknown").Select(s => "Registry.Advice." + s))
            .Concat(["Registry.Advice.LookAlike", "Registry.Advice.Warned", "Registry.Advice.NotListed"])
            .Concat(Enum.GetNames<TipState>().Select(s => "Admin.Tips.State." + s));
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.ar.resx", "SharedResource.uk.resx" })
        {
            var names = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "FactCheck.Web", "Resources", file)).Root!
                .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            Assert.DoesNotContain(keys, k => !names.Contains(k));
        }
    }
}
