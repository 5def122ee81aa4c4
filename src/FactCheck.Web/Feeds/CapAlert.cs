namespace FactCheck;

/// <summary>
/// An alert-kind story — one advisory and its translations — as the series of OASIS CAP 1.2 messages
/// an alert aggregator would have received: the first publication is the Alert; every later
/// translation, correction or update note, and partial withdrawal is an Update; withdrawing the last
/// language is the Cancel. Identifiers come from the advisory id and the event's time, so they stay
/// the same across slug edits and re-imports.
/// </summary>
public sealed class CapAlert
{
    /// <summary>How long an alert stays active after its latest message (CAP "expires"); documented in docs/feeds.md.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>The first-published advisory of the story: its id names the alert.</summary>
    public required Advisory Original { get; init; }
    /// <summary>The languages still published, in site order; empty after a Cancel.</summary>
    public required IReadOnlyList<Advisory> Current { get; init; }
    public required IReadOnlyList<CapMessage> Messages { get; init; }

    public Guid Id => Original.Id;
    public CapMessage Latest => Messages[^1];
    public DateTime Expires => Latest.Sent + Lifetime;
    public bool IsActive(DateTime now) => Latest.Type != CapMessageType.Cancel && Expires > now;

    /// <summary>The history of one story from its published and withdrawn alert-kind advisories; null when nothing was published yet.</summary>
    public static CapAlert? From(IEnumerable<Advisory> advisories, DateTime now)
    {
        var members = advisories
            .Where(a => a.Kind == AdvisoryKind.Alert && a.Status is AdvisoryStatus.Published or AdvisoryStatus.Withdrawn)
            .Where(a => a.PublishedAt is { } published && published <= now)
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .ToList();
        if (members.Count == 0) return null;
        var original = members[0];

        var events = new List<(DateTime At, string? Note, Advisory? Withdrawn)>();
        foreach (var member in members)
        {
            events.Add((member.PublishedAt!.Value, null, null));
            events.AddRange(member.Corrections.Where(c => c.PublishedAt <= now).Select(c => (c.PublishedAt, (string?)c.Note, (Advisory?)null)));
            if (member.Status == AdvisoryStatus.Withdrawn)
            {
                var at = member.WithdrawnAt ?? member.UpdatedAt;
                events.Add((at > now ? now : at, member.WithdrawalReason, member));
            }
        }

        var messages = new List<CapMessage>();
        var withdrawn = new HashSet<Guid>();
        // Events in the same second are one message: CAP times have whole seconds.
        foreach (var group in events.GroupBy(e => WholeSeconds(e.At)).OrderBy(g => g.Key))
        {
            foreach (var (_, _, member) in group)
                if (member is not null) withdrawn.Add(member.Id);
            var notes = group.Select(e => e.Note).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
            var note = notes.Count > 0 ? string.Join("\n", notes) : null;
            var stamp = group.Key.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var live = members.Any(m => m.PublishedAt <= group.Key.AddSeconds(1) && !withdrawn.Contains(m.Id));

            if (messages.Count == 0)
                messages.Add(new CapMessage(original.Id.ToString("D"), group.Key, CapMessageType.Alert, null));
            else if (!live)
            {
                messages.Add(new CapMessage($"{original.Id:D}-cancel-{stamp}", group.Key, CapMessageType.Cancel, note));
                break;
            }
            else
                messages.Add(new CapMessage($"{original.Id:D}-update-{stamp}", group.Key, CapMessageType.Update, note));
        }

        var current = messages[^1].Type == CapMessageType.Cancel
            ? []
            : members.Where(m => m.Status == AdvisoryStatus.Published)
                .OrderBy(m => SiteLanguage.All.ToList().IndexOf(m.SiteLanguage)).ToList();
        return new CapAlert { Original = original, Current = current, Messages = messages };
    }

    private static DateTime WholeSeconds(DateTime utc) =>
        DateTime.SpecifyKind(new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
