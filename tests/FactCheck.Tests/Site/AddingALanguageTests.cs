using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FactCheck.Tests.Site;

/// <summary>
/// The checklist of docs/adding-a-language.md, enforced where a test can: once a language is in
/// <see cref="SiteLanguage.All"/>, each of these fails until its place in the code knows it.
/// (Its resource file is checked by <see cref="TranslationsTests"/>.)
/// </summary>
public class AddingALanguageTests
{
    public static TheoryData<string> Languages() => [.. SiteLanguage.All.Select(l => l.Code)];

    [Fact]
    public void The_route_constraint_accepts_exactly_the_site_languages()
    {
        var pattern = Regex.Match(SiteLanguage.RouteConstraint, @"^regex\((.*)\)$").Groups[1].Value;
        var accepted = Regex.Match(pattern, @"\^\((.*)\)\$").Groups[1].Value.Split('|');
        Assert.Equal(SiteLanguage.All.Select(l => l.Code).Order(), accepted.Order());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_language_has_a_culture_with_the_gregorian_calendar(string code)
    {
        var culture = SiteLanguage.Find(code)!.Culture;
        Assert.Equal(code, culture.TwoLetterISOLanguageName);
        Assert.IsType<GregorianCalendar>(culture.DateTimeFormat.Calendar);
    }

    [Fact]
    public void The_build_keeps_the_resources_of_every_language()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
        var kept = props.Descendants("SatelliteResourceLanguages").Single().Value.Split(';', StringSplitOptions.TrimEntries);
        Assert.Empty(SiteLanguage.All.Select(l => l.Code).Except(kept));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_language_has_its_own_rating_label(string code)
    {
        // Label{Code} on the entity, and Rating.Label returns it (not the English fallback).
        var property = typeof(Rating).GetProperty("Label" + char.ToUpperInvariant(code[0]) + code[1..]);
        Assert.NotNull(property);
        var rating = new Rating();
        foreach (var language in SiteLanguage.All)
            typeof(Rating).GetProperty("Label" + char.ToUpperInvariant(language.Code[0]) + language.Code[1..])?.SetValue(rating, "label-" + language.Code);
        Assert.Equal("label-" + code, rating.Label(code));
    }

    [Fact]
    public void Each_language_has_its_own_sharing_locale()
    {
        var locales = SiteLanguage.All.Select(SharingCard.OpenGraphLocale).ToList();
        Assert.Equal(locales.Count, locales.Distinct().Count());
        Assert.All(SiteLanguage.All, l => Assert.StartsWith(l.Code + "_", SharingCard.OpenGraphLocale(l), StringComparison.Ordinal));
    }
}
