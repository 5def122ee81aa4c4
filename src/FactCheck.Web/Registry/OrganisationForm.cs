namespace FactCheck;

public sealed class OrganisationForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Website { get; set; }
}
