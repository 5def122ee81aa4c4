namespace FactCheck;

/// <summary>Who is acting: a signed-in person, or the scheduler.</summary>
public sealed record Actor(string? Id, string Name)
{
    public static readonly Actor Scheduler = new(null, "scheduler");
}
