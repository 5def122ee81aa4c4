namespace FactCheck;

/// <summary>What is wrong with the storage under the site, as far as an editor or an operator needs to know.</summary>
public enum StorageProblem { Busy, Full, ReadOnly, Unavailable }
