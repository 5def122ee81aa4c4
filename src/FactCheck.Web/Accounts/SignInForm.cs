using System.ComponentModel.DataAnnotations;

namespace FactCheck;

public sealed class SignInForm
{
    [MaxLength(256)] public string? Email { get; set; }
    [MaxLength(1000)] public string? Password { get; set; }
    [MaxLength(2000)] public string? ReturnUrl { get; set; }
}
