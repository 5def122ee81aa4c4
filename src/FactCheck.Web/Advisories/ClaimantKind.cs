namespace FactCheck;

/// <summary>
/// Who makes the claim: a named person or organization (ClaimReview's claim author), or accounts nobody can
/// name on a platform — the usual case for a scam — which ClaimReview leaves without an author rather than
/// inventing an organization named with a sentence.
/// </summary>
public enum ClaimantKind { Person, Organization, PlatformAccounts }
