using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>Checks shared by the setup, user and password forms, with messages in the UI language.</summary>
public static class AccountErrors
{
    public static List<string> Check(AccountForm form, IStringLocalizer<SharedResource> text, bool requirePassword)
    {
        var errors = new List<string>();
        var email = form.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email) || email.Length > 256)
            errors.Add(text["Admin.Account.BadEmail"]);
        if (string.IsNullOrWhiteSpace(form.DisplayName) || form.DisplayName.Trim().Length > 100)
            errors.Add(text["Admin.Account.BadName"]);
        if (requirePassword && form.Password != form.ConfirmPassword)
            errors.Add(text["Admin.Account.PasswordsDiffer"]);
        return errors;
    }

    /// <summary>Identity's messages are English only; the codes this site can produce have their own strings.</summary>
    public static string Describe(IdentityError error, IStringLocalizer<SharedResource> text) => error.Code switch
    {
        "PasswordTooShort" => text["Admin.Account.PasswordTooShort"],
        "PasswordRequiresUniqueChars" => text["Admin.Account.PasswordTooSimple"],
        "CommonPassword" => text["Admin.Account.PasswordCommon"],
        "DuplicateEmail" or "DuplicateUserName" => text["Admin.Account.EmailTaken"],
        "InvalidEmail" or "InvalidUserName" => text["Admin.Account.BadEmail"],
        "PasswordMismatch" => text["Admin.Account.WrongCurrentPassword"],
        "ConcurrencyFailure" => text["Admin.Account.Concurrency"],
        _ => error.Description,
    };
}
