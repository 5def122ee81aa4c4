namespace FactCheck;

public enum CheckOutcome
{
    /// <summary>Nothing typed yet: the form and the advice.</summary>
    Empty,
    /// <summary>The input is not a phone number, link, domain, e-mail address or handle.</summary>
    NotRecognized,
    /// <summary>Recognized, but no published advisory lists it.</summary>
    NotFound,
    Found,
}
