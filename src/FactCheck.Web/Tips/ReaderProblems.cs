using Microsoft.AspNetCore.Mvc;

namespace FactCheck;

public static class ReaderProblems
{
    public static ViewResult ReaderProblem(this Controller controller, SiteLanguage language, int status, string message)
    {
        if (status == StatusCodes.Status429TooManyRequests) controller.Response.Headers.RetryAfter = "3600";
        return ReaderUploadAttribute.Problem(controller.HttpContext, language, status, message);
    }
}
