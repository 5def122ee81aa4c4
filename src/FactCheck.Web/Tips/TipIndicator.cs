namespace FactCheck;

/// <summary>An indicator found in a tip (text or screenshot): tips sharing one form a cluster.</summary>
public class TipIndicator
{
    public int Id { get; set; }
    public Guid TipId { get; set; }
    public IndicatorType Type { get; set; }
    public string Value { get; set; } = "";
}
