namespace FactCheck;

/// <summary>An organisation's channel as the check shows it: "the official channel is …".</summary>
public sealed record OfficialChannel(int EntryId, IndicatorType Type, string Value, string Organisation, int OrganisationId, string? Channel, DateOnly Since)
{
    public string Display => IndicatorNormalizer.Display(Type, Value);
}
