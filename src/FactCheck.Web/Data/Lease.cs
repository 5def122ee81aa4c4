namespace FactCheck;

/// <summary>A row of the Leases table: who may do a named job (such as scheduled publishing) until when.</summary>
public class Lease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
