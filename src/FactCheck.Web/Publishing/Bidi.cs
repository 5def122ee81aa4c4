using Microsoft.AspNetCore.Html;

namespace FactCheck;

/// <summary>Direction isolation for plain text shown in pages. (Placeholder.)</summary>
public static class Bidi
{
    public static IHtmlContent Text(string? text, TextDirection context) => new HtmlString(System.Net.WebUtility.HtmlEncode(text ?? ""));
}
