using System.ComponentModel.DataAnnotations;

namespace FactCheck;

public sealed class AccountForm
{
    [MaxLength(256)] public string? Email { get; set; }
    [MaxLength(100)] public string? DisplayName { get; set; }
    [MaxLength(1000)] public string? Password { get; set; }
    [MaxLength(1000)] public string? ConfirmPassword { get; set; }
}
