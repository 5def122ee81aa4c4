using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NetVips;

namespace FactCheck;

/// <summary>
/// The image shown when an advisory is shared (OpenGraph, Twitter): 1200×630, the verdict stamp in the
/// rating's colour and words, the headline and the site's name. Shared without it, a post showed the
/// scam's own screenshot — the scam's text, without our verdict.
/// </summary>
/// <remarks>
/// Drawn with libvips's text operation (NetVips and its bundled libvips), which lays text out with Pango:
/// Arabic is shaped and joined, the paragraph direction is set explicitly (Arabic headlines that start with
/// a brand are still right-to-left) and brand names, handles and numbers inside are isolated as on the page
/// (<see cref="Bidi.PlainText"/>). Fonts come from Debian's fonts-noto-core. A card is stored in the media
/// store under a hash of everything drawn on it, so a new title, verdict, colour or site name gives a new
/// address and file, and an unchanged card is drawn once, when it is first asked for.
/// </remarks>
public sealed class ShareCards(IMediaStore media, IOptions<SiteOptions> site, ILogger<ShareCards> logger)
{
    public const int Width = 1200;
    public const int Height = 630;
    /// <summary>Part of every card's name: changing the drawing code changes this, and every card is drawn anew.</summary>
    private const string RendererVersion = "1";

    private const string FontFolder = "/usr/share/fonts/truetype/noto";
    private static readonly string ArabicFont = Path.Combine(FontFolder, "NotoSansArabic-Bold.ttf");
    private static readonly string LatinFont = Path.Combine(FontFolder, "NotoSans-Bold.ttf");

    private static readonly double[] Paper = [251, 250, 247];
    private static readonly double[] Masthead = [16, 26, 38];
    private static readonly double[] Accent = [180, 35, 24];
    private const string Ink = "#16202c";

    /// <summary>Why cards cannot be drawn here (no libvips, no fonts), or null.</summary>
    public static string? Unavailable { get; } = FindProblem();

    private static string? FindProblem()
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized) return "libvips (NetVips.Native) did not start: " + ModuleInitializer.Exception?.Message;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            return "libvips (NetVips.Native) is missing: " + e.Message;
        }
        foreach (var font in new[] { ArabicFont, LatinFont })
            if (!File.Exists(font)) return $"{font} is missing (Debian package fonts-noto-core)";
        return null;
    }

    /// <summary>
    /// Where the card of <paramref name="advisory"/> (loaded with its rating) is served, or null for an explainer or
    /// when cards cannot be drawn. Nothing is drawn here: a card costs about 70 ms of CPU, a hundred times an uncached
    /// page (bench/README.md, "The cold path"), so a crawler walking the archive must not draw one per page. The
    /// address names the advisory and a hash of what the card shows; the card is drawn when it is first asked for
    /// (<see cref="ShareCardsController"/>), which is when the page is shared.
    /// </summary>
    public SharingImage? For(Advisory advisory)
    {
        if (CardOf(advisory) is not { } card) return null;
        return new SharingImage($"/cards/{advisory.Id:N}/{card.FileName}", "image/png", Width, Height, card.AltText);
    }

    /// <summary>
    /// The media store's name of the card <paramref name="advisory"/> has now, drawn first if it is not stored yet;
    /// null when it has none or drawing failed. One card is drawn at a time: a burst of card requests queues
    /// instead of taking every core from the pages.
    /// </summary>
    public async Task<string?> DrawnAsync(Advisory advisory, CancellationToken cancellationToken = default)
    {
        if (CardOf(advisory) is not { } card) return null;
        var name = card.FileName;
        if (media.Exists(name)) return name;
        await drawing.WaitAsync(cancellationToken);
        try
        {
            // Drawn meanwhile by the request ahead in the queue.
            if (media.Exists(name)) return name;
            await media.SaveAsync(name, Draw(card), cancellationToken);
            return name;
        }
        catch (NetVips.VipsException e)
        {
            // A page without a card is still a page: it is shared with its text only.
            logger.LogError(e, "Could not draw the share card of {Path}", advisory.Path);
            return null;
        }
        finally
        {
            drawing.Release();
        }
    }

    private readonly SemaphoreSlim drawing = new(1, 1);

    private Card? CardOf(Advisory advisory) => Unavailable is not null || !advisory.HasVerdict
        ? null
        : new Card(advisory.Title, advisory.Rating!.Label(advisory.SiteLanguage.Code), advisory.Rating.Colour, site.Value.Name, advisory.SiteLanguage);

    /// <summary>What a card shows; its file name is a hash of exactly this.</summary>
    internal sealed record Card(string Title, string Verdict, string Colour, string SiteName, SiteLanguage Language)
    {
        public string FileName
        {
            get
            {
                var inputs = string.Join('\u001f', RendererVersion, Language.Code, Title, Verdict, Colour, SiteName);
                // "card-": told apart from screenshot files, which /media serves only while their advisory is published.
                return MediaAccess.ShareCardPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)))[..32] + ".png";
            }
        }

        /// <summary>For og:image:alt: what the image says, in the page's language.</summary>
        public string AltText => Bidi.PlainText($"{Verdict}: {Title}", Language.Direction);
    }

    /// <summary>Draws the card as PNG bytes. Layout mirrors for right-to-left languages: the stamp stands at the inline start.</summary>
    internal static byte[] Draw(Card card)
    {
        const int margin = 60;
        const int mastheadHeight = 96;
        var rtl = card.Language.Direction == TextDirection.Rtl;
        var font = card.Language.Code == "ar" ? ArabicFont : LatinFont;
        var family = card.Language.Code == "ar" ? "Noto Sans Arabic, Noto Sans" : "Noto Sans, Noto Sans Arabic";

        using var background = (Image.Black(Width, Height) + Paper).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var framed = background.Mutate(canvas =>
        {
            canvas.DrawRect(Masthead, 0, 0, Width, mastheadHeight, fill: true);
            canvas.DrawRect(Accent, 0, Height - 12, Width, 12, fill: true);
        });

        // The site's name in the masthead (a brand: never mirrored, always at the inline start).
        using var siteName = Text($"<span foreground=\"#ffffff\">{Escape(card.SiteName)}</span>", "Noto Sans Bold 40", LatinFont, Width - 2 * margin, null, TextDirection.Ltr);
        // The verdict stamp: the rating's words in white on its colour, with a frame, readable in greyscale too.
        using var verdictText = Text($"<span foreground=\"#ffffff\">{Escape(card.Verdict)}</span>", $"{family} Bold 46", font, 700, null, card.Language.Direction);
        var stampWidth = verdictText.Width + 56;
        var stampHeight = verdictText.Height + 28;
        // The headline at 52 pt, or smaller when it is too long for the space left (given a height too,
        // libvips picks the largest size that fits). Never cut: the card must not change what the title says.
        var headlineTop = mastheadHeight + 40 + stampHeight + 36;
        var headlineMarkup = $"<span foreground=\"{Ink}\">{Escape(Bidi.PlainText(card.Title, card.Language.Direction))}</span>";
        var room = Height - 12 - 30 - headlineTop;
        var headline = Text(headlineMarkup, $"{family} Bold 52", font, Width - 2 * margin, null, card.Language.Direction);
        if (headline.Height > room)
        {
            headline.Dispose();
            headline = Text(headlineMarkup, $"{family} Bold 52", font, Width - 2 * margin, room, card.Language.Direction);
        }
        using var _ = headline;

        var stampLeft = rtl ? Width - margin - stampWidth : margin;
        var colour = Rgb(card.Colour);
        using var stamped = framed.Mutate(canvas =>
        {
            canvas.DrawRect(colour, stampLeft, mastheadHeight + 40, stampWidth, stampHeight, fill: true);
            canvas.DrawRect([255, 255, 255], stampLeft + 6, mastheadHeight + 46, stampWidth - 12, stampHeight - 12, fill: false);
            canvas.DrawRect([255, 255, 255], stampLeft + 7, mastheadHeight + 47, stampWidth - 14, stampHeight - 14, fill: false);
        });

        using var withName = stamped.Composite2(siteName, Enums.BlendMode.Over, x: rtl ? Width - margin - siteName.Width : margin, y: (mastheadHeight - siteName.Height) / 2);
        using var withVerdict = withName.Composite2(verdictText, Enums.BlendMode.Over, x: stampLeft + 28, y: mastheadHeight + 40 + 14);
        using var withHeadline = withVerdict.Composite2(headline, Enums.BlendMode.Over, x: rtl ? Width - margin - headline.Width : margin, y: headlineTop);
        using var flat = withHeadline.Flatten(background: Paper);
        return flat.Cast(Enums.BandFormat.Uchar).PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None);
    }

    /// <summary>
    /// Pango markup rendered to RGBA, at most <paramref name="width"/>×<paramref name="height"/>. A mark of
    /// the paragraph's direction goes first, because Pango would otherwise take the direction from the first
    /// letter ("WhatsApp يحذر …" would be laid out left to right); the alignment is the paragraph's start.
    /// </summary>
    private static Image Text(string markup, string font, string fontFile, int width, int? height, TextDirection direction)
    {
        var mark = direction == TextDirection.Rtl ? "\u200F" : "\u200E";
        return Image.Text(mark + markup, font: font, fontfile: fontFile, width: width, height: height, rgba: true,
            align: Enums.Align.Low, wrap: Enums.TextWrap.Word);
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static double[] Rgb(string hex) =>
    [
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
    ];
}
