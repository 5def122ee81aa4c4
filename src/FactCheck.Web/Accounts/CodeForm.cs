using System.ComponentModel.DataAnnotations;

namespace FactCheck;

public sealed class CodeForm
{
    [MaxLength(100)] public string? Code { get; set; }
    [MaxLength(2000)] public string? ReturnUrl { get; set; }
}
