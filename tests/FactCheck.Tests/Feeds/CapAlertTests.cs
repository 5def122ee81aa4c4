namespace FactCheck.Tests.Feeds;

/// <summary>How corrections, translations and withdrawals become CAP Alert, Update and Cancel messages.</summary>
public class CapAlertTests
{
    private static readonly DateTime Start = new(2025, 10, 21, 6, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Start.AddDays(3);

    private static Advisory Alert(string language, DateTime published, string key = "story") => new()
    {
        Kind = AdvisoryKind.Alert,
        Language = language,
        Slug = "s-" + language,
        TranslationKey = key,
        Status = AdvisoryStatus.Published,
        PublishedAt = published,
        UpdatedAt = published,
    };

    [Fact]
    public void A_new_alert_is_one_Alert_message_named_by_the_advisory_id()
    {
        var advisory = Alert("ar", Start);

        var alert = CapAlert.From([advisory], Now)!;

        var message = Assert.Single(alert.Messages);
        Assert.Equal((CapMessageType.Alert, advisory.Id.ToString("D"), Start), (message.Type, message.Identifier, message.Sent));
        Assert.True(alert.IsActive(Now));
    }

    [Fact]
    public void A_correction_is_an_Update_after_the_original_Alert_and_carries_the_note()
    {
        var advisory = Alert("ar", Start);
        advisory.Corrections.Add(new Correction { Note = "رقم جديد", PublishedAt = Start.AddHours(5) });

        var alert = CapAlert.From([advisory], Now)!;

        Assert.Equal([CapMessageType.Alert, CapMessageType.Update], alert.Messages.Select(m => m.Type));
        Assert.Equal("رقم جديد", alert.Latest.Note);
        Assert.StartsWith(advisory.Id.ToString("D"), alert.Latest.Identifier, StringComparison.Ordinal);
        Assert.NotEqual(alert.Messages[0].Identifier, alert.Latest.Identifier);
    }

    [Fact]
    public void Withdrawing_one_translation_is_an_Update_and_withdrawing_the_last_is_a_Cancel()
    {
        var arabic = Alert("ar", Start);
        var english = Alert("en", Start.AddHours(1));
        english.Status = AdvisoryStatus.Withdrawn;
        english.WithdrawnAt = Start.AddHours(2);

        var partly = CapAlert.From([arabic, english], Now)!;
        Assert.Equal(CapMessageType.Update, partly.Latest.Type);
        Assert.Equal(["ar"], partly.Current.Select(a => a.Language));

        arabic.Status = AdvisoryStatus.Withdrawn;
        arabic.WithdrawnAt = Start.AddHours(3);
        arabic.WithdrawalReason = "لم يكن احتيالًا";
        var cancelled = CapAlert.From([arabic, english], Now)!;

        Assert.Equal([CapMessageType.Alert, CapMessageType.Update, CapMessageType.Update, CapMessageType.Cancel], cancelled.Messages.Select(m => m.Type));
        Assert.Equal("لم يكن احتيالًا", cancelled.Latest.Note);
        Assert.Empty(cancelled.Current);
        Assert.False(cancelled.IsActive(Now));
    }

    [Fact]
    public void Identifiers_do_not_change_when_the_story_is_loaded_again()
    {
        var advisory = Alert("uk", Start);
        advisory.Corrections.Add(new Correction { Id = 1, Note = "x", PublishedAt = Start.AddHours(1) });
        var first = CapAlert.From([advisory], Now)!.Messages.Select(m => m.Identifier).ToList();

        // A re-import gives corrections new database ids and the slug may have been edited.
        advisory.Corrections[0].Id = 99;
        advisory.Slug = "edited";
        var again = CapAlert.From([advisory], Now)!.Messages.Select(m => m.Identifier).ToList();

        Assert.Equal(first, again);
    }

    [Fact]
    public void Drafts_future_corrections_and_other_kinds_make_no_messages()
    {
        var draft = Alert("ar", Start);
        draft.Status = AdvisoryStatus.Draft;
        Assert.Null(CapAlert.From([draft], Now));

        var explainer = Alert("ar", Start);
        explainer.Kind = AdvisoryKind.Explainer;
        Assert.Null(CapAlert.From([explainer], Now));

        var advisory = Alert("ar", Start);
        advisory.Corrections.Add(new Correction { Note = "later", PublishedAt = Now.AddDays(1) });
        Assert.Single(CapAlert.From([advisory], Now)!.Messages);
    }

    [Fact]
    public void An_alert_expires_after_its_lifetime_without_news()
    {
        var alert = CapAlert.From([Alert("ar", Start)], Now)!;

        Assert.True(alert.IsActive(Start + CapAlert.Lifetime - TimeSpan.FromMinutes(1)));
        Assert.False(alert.IsActive(Start + CapAlert.Lifetime + TimeSpan.FromMinutes(1)));
    }
}
