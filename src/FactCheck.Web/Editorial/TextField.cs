namespace FactCheck;

/// <summary>
/// A text input of the advisory editor (Areas/Admin/Views/AdvisoryEditor/_TextField.cshtml). <paramref name="Rows"/> above
/// zero makes it a textarea; <paramref name="ContentLanguage"/> marks text written in the advisory's language.
/// </summary>
public sealed record TextField(string Name, string Label, string? Value, int? MaxLength = null, int Rows = 0, string Dir = "auto",
    bool ContentLanguage = true, bool Required = false, string? Hint = null, string Type = "text");
