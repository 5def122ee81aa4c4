namespace FactCheck;

/// <summary>
/// Every CSV the site writes (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
/// line break) — and safe to open in a spreadsheet. A cell that starts with = + - @ or a tab or carriage
/// return is read by Excel, LibreOffice and Google Sheets as a formula, so a scammer's e-mail address
/// "=cmd|'calc.exe'!A0@…" would run on a researcher's machine. Such cells get a leading apostrophe
/// and quotes, as OWASP's "CSV injection" advice says; the JSON exports keep the exact values.
/// </summary>
public static class CsvFormat
{
    public static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (formula) value = "'" + value;
        return formula || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
