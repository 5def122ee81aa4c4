namespace FactCheck;

/// <summary>OpenGraph and Twitter card details of an article page (the layout adds title, description and URL).</summary>
public sealed record SharingCard(DateTime Published, DateTime Modified, SharingImage? Image)
{
    /// <summary>
    /// The advisory's share card (<see cref="ShareCards"/>: verdict and headline) is the image shown when the
    /// page is shared — never the scam's own screenshot, which would spread its text without our verdict.
    /// </summary>
    public static SharingCard For(Advisory advisory, DateTime now, SharingImage? card) =>
        new(advisory.PublishedAt ?? advisory.CreatedAt, FeedBuilder.UpdatedAt(advisory, now), card);

    /// <summary>OpenGraph wants language_TERRITORY.</summary>
    public static string OpenGraphLocale(SiteLanguage language) => language.Code switch
    {
        "ar" => "ar_AR",
        "uk" => "uk_UA",
        _ => "en_GB",
    };
}
