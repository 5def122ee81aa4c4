namespace FactCheck;

/// <summary>OpenGraph and Twitter card details of an article page (the layout adds title, description and URL).</summary>
public sealed record SharingCard(DateTime Published, DateTime Modified, SharingImage? Image)
{
    /// <summary>The advisory's first screenshot is the image shown when the page is shared.</summary>
    public static SharingCard For(Advisory advisory, DateTime now)
    {
        var shot = advisory.Screenshots.OrderBy(s => s.Position).FirstOrDefault(s => s.Fallback is not null);
        var file = shot?.Fallback;
        return new SharingCard(
            advisory.PublishedAt ?? advisory.CreatedAt,
            FeedBuilder.UpdatedAt(advisory, now),
            file is null ? null : new SharingImage(file.Url, file.ContentType, file.Width, file.Height, shot!.AltText));
    }

    /// <summary>OpenGraph wants language_TERRITORY.</summary>
    public static string OpenGraphLocale(SiteLanguage language) => language.Code switch
    {
        "ar" => "ar_AR",
        "uk" => "uk_UA",
        _ => "en_GB",
    };
}

/// <param name="Path">Site-relative; the layout makes it absolute.</param>
public sealed record SharingImage(string Path, string ContentType, int Width, int Height, string Alt);
