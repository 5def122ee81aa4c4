namespace FactCheck;

public class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Advisory> Advisories { get; set; } = [];
}
