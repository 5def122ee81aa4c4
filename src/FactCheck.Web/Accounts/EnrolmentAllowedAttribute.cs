namespace FactCheck;

/// <summary>Marks pages that stay reachable while an account still has to enrol in two-factor sign-in.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EnrolmentAllowedAttribute : Attribute;
