namespace FactCheck;

/// <summary>One rectangle as typed (or filled in by wwwroot/js/redact.js), in pixels of the staged image. Digits of any script are accepted.</summary>
public sealed class RedactionForm
{
    public string? X { get; set; }
    public string? Y { get; set; }
    public string? Width { get; set; }
    public string? Height { get; set; }
    public string? Style { get; set; }

    public bool IsEmpty => new[] { X, Y, Width, Height }.All(string.IsNullOrWhiteSpace);

    /// <summary>The rectangle clipped to the image, or null when it is incomplete, not numbers, or entirely outside.</summary>
    public Redaction? ToRedaction(int imageWidth, int imageHeight)
    {
        if (Number(X) is not { } x || Number(Y) is not { } y || Number(Width) is not { } width || Number(Height) is not { } height) return null;
        if (!Enum.TryParse<RedactionStyle>(Style, out var style) || !Enum.IsDefined(style) || int.TryParse(Style, out _)) return null;
        var left = Math.Max(0, x);
        var top = Math.Max(0, y);
        var right = Math.Min(imageWidth, (long)x + width);
        var bottom = Math.Min(imageHeight, (long)y + height);
        if (width < 1 || height < 1 || right <= left || bottom <= top) return null;
        return new Redaction(left, top, (int)(right - left), (int)(bottom - top), style);
    }

    private static int? Number(string? value)
    {
        // Arabic-Indic and other decimal digits typed by an editor count as digits (int.TryParse("٣") is false).
        var folded = string.Concat((value ?? "").Trim().Select(c => char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c));
        return int.TryParse(folded, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
