namespace FactCheck;

public class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Advisory> Advisories { get; set; } = [];
}
