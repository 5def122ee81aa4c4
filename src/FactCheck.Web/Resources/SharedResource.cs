using Microsoft.Extensions.Localization;

// The assembly is FactCheck.Web but its namespace is FactCheck; the localizer needs the latter to find Resources/*.resx.
[assembly: RootNamespace("FactCheck")]

namespace FactCheck;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx (neutral = English, plus ar and uk).</summary>
public sealed class SharedResource;
