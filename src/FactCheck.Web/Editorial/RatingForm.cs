using System.Globalization;

namespace FactCheck;

/// <summary>The rating form as typed: strings, so a refused value comes back exactly as it was entered.</summary>
public sealed class RatingForm
{
    public string? Key { get; set; }
    public string? LabelAr { get; set; }
    public string? LabelUk { get; set; }
    public string? LabelEn { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionUk { get; set; }
    public string? DescriptionEn { get; set; }
    public string? Colour { get; set; }
    public string? Value { get; set; }
    public string? Position { get; set; }

    public static RatingForm From(Rating rating) => new()
    {
        Key = rating.Key, LabelAr = rating.LabelAr, LabelUk = rating.LabelUk, LabelEn = rating.LabelEn, Colour = rating.Colour,
        DescriptionAr = rating.DescriptionAr, DescriptionUk = rating.DescriptionUk, DescriptionEn = rating.DescriptionEn,
        Value = rating.Value.ToString(CultureInfo.InvariantCulture), Position = rating.Position.ToString(CultureInfo.InvariantCulture),
    };
}
