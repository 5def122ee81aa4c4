using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactCheck;

/// <summary>A registry entry as it was after a change: what a revision keeps and the revisions page shows.</summary>
public sealed record RegistrySnapshot(string Type, string Value, string? Label, IReadOnlyList<RegistrySnapshot.Period> History)
{
    public sealed record Period(string Status, DateOnly Since, string? Organisation, string? Channel, string? Note, string? SourceTitle, string? SourceUrl, Guid? AdvisoryId);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static RegistrySnapshot Of(RegistryEntry entry, IReadOnlyDictionary<int, string> organisations) => new(
        entry.Type.ToString(), entry.Value, entry.Label,
        entry.Timeline.Select(s => new Period(s.Status.ToString(), s.Since,
            s.OrganisationId is { } id ? organisations.GetValueOrDefault(id) : null, s.Channel, s.Note, s.SourceTitle, s.SourceUrl, s.AdvisoryId)).ToList());

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RegistrySnapshot? FromJson(string json) => JsonSerializer.Deserialize<RegistrySnapshot>(json, Json);
}
