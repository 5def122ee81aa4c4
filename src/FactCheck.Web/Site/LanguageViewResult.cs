using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace FactCheck;

/// <summary>
/// A view rendered in one site language whatever the request's culture, e.g. a preview of a Ukrainian
/// advisory opened from an Arabic back-office: readers of a preview see exactly what readers will see.
/// The culture must be set here, where the view renders: set inside an async action it is undone when
/// the action returns, before the view runs.
/// </summary>
public sealed class LanguageViewResult : ViewResult
{
    private readonly SiteLanguage language;

    public LanguageViewResult(SiteLanguage language, string viewName, object model, ViewDataDictionary viewData, ITempDataDictionary tempData)
    {
        this.language = language;
        ViewName = viewName;
        ViewData = new ViewDataDictionary(viewData) { Model = model };
        TempData = tempData;
    }

    public override Task ExecuteResultAsync(ActionContext context)
    {
        // As on the public pages: texts in the language, formats invariant (Site/SiteSetup.cs, LanguageSegmentCultureProvider).
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = language.Culture;
        return base.ExecuteResultAsync(context);
    }
}
