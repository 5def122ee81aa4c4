using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Serves share cards at the address <see cref="ShareCards.For"/> puts in a page (/cards/{advisory}/{hash}.png),
/// drawing a card the first time it is asked for. An address whose hash is no longer the advisory's card (the
/// title or verdict changed since the page was shared) is sent on to the current card.
/// </summary>
public sealed class ShareCardsController(AppDbContext db, ContentLists contentLists, ShareCards cards, IMediaStore media) : Controller
{
    [HttpGet("/cards/{id:guid}/{name}")]
    public async Task<IActionResult> Card(Guid id, string name, CancellationToken cancellationToken)
    {
        var advisory = await db.PublishedAdvisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (advisory is null) return NotFound();
        var lists = await contentLists.GetAsync(cancellationToken);
        advisory.Rating = advisory.RatingId is { } ratingId ? lists.Rating(ratingId) : null;
        if (cards.For(advisory) is not { } current) return NotFound();
        if (!current.Path.EndsWith("/" + name, StringComparison.Ordinal)) return Redirect(current.Path);

        if (await cards.DrawnAsync(advisory, cancellationToken) is not { } file) return NotFound();
        // The address changes with anything drawn on the card.
        Response.Headers.CacheControl = PublicCaching.ImmutableCacheControl;
        return File(media.Open(file), "image/png");
    }
}
