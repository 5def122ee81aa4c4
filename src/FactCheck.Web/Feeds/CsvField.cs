namespace FactCheck;

/// <summary>
/// One CSV cell (RFC 4180) that a spreadsheet will not run: a value starting with = + - @ (or a tab or
/// carriage return, which some spreadsheets skip before reading a formula) gets a leading apostrophe, the
/// OWASP "CSV injection" advice; then it is quoted when it holds a comma, quote or line break.
/// Every CSV the site writes goes through <see cref="Escape"/>.
/// </summary>
public static class CsvField
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>One CSV line (CRLF-terminated) of escaped cells.</summary>
    public static string Line(IEnumerable<string?> values) => string.Join(',', values.Select(Escape)) + "\r\n";
}
