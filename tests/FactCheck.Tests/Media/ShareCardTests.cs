using NetVips;

namespace FactCheck.Tests.Media;

/// <summary>The image a shared advisory shows: its size, the verdict's colour where the stamp stands, and a file per content.</summary>
public class ShareCardTests
{
    private static readonly string Artifacts = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "share-cards")).FullName;

    public static TheoryData<string, string, string> Cards() => new()
    {
        { "ar", "روبوتات مزيفة باسم «دعم Reserve+» على Telegram تجمع أرقام الهواتف ورموز SMS وصور جوازات السفر", "احتيال" },
        { "uk", "Фейкові боти «Резерв+» у Telegram збирають номери телефонів, коди SMS і фото паспортів", "Шахрайство" },
        { "en", "Fake Reserve+ support bots on Telegram collect phone numbers, SMS codes and passport photos", "Scam" },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_card_is_1200_by_630_with_the_stamp_in_the_verdict_colour_at_the_inline_start(string code, string title, string verdict)
    {
        Assert.Null(ShareCards.Unavailable);
        var language = SiteLanguage.Find(code)!;
        var bytes = ShareCards.Draw(new ShareCards.Card(title, verdict, "#9f1239", "FactCheck", language));
        File.WriteAllBytes(Path.Combine(Artifacts, $"card-{code}.png"), bytes);

        using var image = Image.NewFromBuffer(bytes);
        Assert.Equal((1200, 630), (image.Width, image.Height));
        // The stamp's frame is drawn 6 px inside its edge; just inside the edge is the rating's colour.
        var stampY = 96 + 40 + 3;
        var start = language.Direction == TextDirection.Rtl ? 1200 - 60 - 3 : 60 + 3;
        var end = language.Direction == TextDirection.Rtl ? 60 + 3 : 1200 - 60 - 3;
        Assert.Equal([159, 18, 57], image.Getpoint(start, stampY).Take(3).Select(v => (int)v));
        Assert.NotEqual([159, 18, 57], image.Getpoint(end, stampY).Take(3).Select(v => (int)v));
    }

    [Fact]
    public void The_file_name_changes_with_the_title_and_the_verdict_and_nothing_else_draws_twice()
    {
        var card = new ShareCards.Card("Title", "Scam", "#9f1239", "FactCheck", SiteLanguage.English);
        Assert.Equal(card.FileName, (card with { }).FileName);
        Assert.NotEqual(card.FileName, (card with { Title = "Another title" }).FileName);
        Assert.NotEqual(card.FileName, (card with { Verdict = "Fake" }).FileName);
        Assert.NotEqual(card.FileName, (card with { Colour = "#166534" }).FileName);
    }
}
