namespace FactCheck;

public class Rating
{
    public int Id { get; set; }
    /// <summary>Stable key used in URLs, feeds and structured data (e.g. "scam").</summary>
    public string Key { get; set; } = "";
    public string LabelAr { get; set; } = "";
    public string LabelUk { get; set; } = "";
    public string LabelEn { get; set; } = "";
    /// <summary>Badge background as #rrggbb; text on it is white, so it must be dark enough for WCAG AA.</summary>
    public string Colour { get; set; } = "#555555";
    /// <summary>ClaimReview ratingValue; documented on the methodology page.</summary>
    public int Value { get; set; }
    public int Position { get; set; }
    /// <summary>What the verdict means, in words, per language: the methodology page shows it beside the label.</summary>
    public string DescriptionAr { get; set; } = "";
    public string DescriptionUk { get; set; } = "";
    public string DescriptionEn { get; set; } = "";

    public string Label(string language) => language switch
    {
        "ar" => LabelAr,
        "uk" => LabelUk,
        _ => LabelEn,
    };

    public string Description(string language) => language switch
    {
        "ar" => DescriptionAr,
        "uk" => DescriptionUk,
        _ => DescriptionEn,
    };
}
