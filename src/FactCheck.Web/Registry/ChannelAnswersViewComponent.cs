using Microsoft.AspNetCore.Mvc;

namespace FactCheck;

/// <summary>
/// The registry's answers on the check page (/{lang}/check?q=): status now and since when, history,
/// the official alternative, what to do; then the forms for a whole message and a screenshot.
/// A view component, so the check page only names it.
/// </summary>
public sealed class ChannelAnswersViewComponent(RegistryCheck registry, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SiteLanguage language, string? query)
    {
        var candidates = string.IsNullOrWhiteSpace(query) ? [] : IndicatorNormalizer.Candidates(query);
        var answers = await registry.AnswerAsync(candidates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), HttpContext.RequestAborted);
        return View(new ChannelAnswersModel(language, answers.Where(a => a.EntryId is not null || a.LooksLike.Count > 0).ToList()));
    }
}
