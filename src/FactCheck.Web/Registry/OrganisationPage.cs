namespace FactCheck;

public sealed class OrganisationPage : AdminPage
{
    public int? Id { get; init; }
    public required OrganisationForm Form { get; init; }
    public FormErrors Errors { get; init; } = new();
}
