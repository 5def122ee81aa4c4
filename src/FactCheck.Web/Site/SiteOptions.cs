namespace FactCheck;

/// <summary>The "Site" configuration section; every value can be overridden with Site__Name=… variables.</summary>
public class SiteOptions
{
    /// <summary>Holds the SQLite database and media. Relative paths are resolved against the repository root.</summary>
    public string DataPath { get; set; } = "./data";
    /// <summary>Absolute base URL used in feeds, canonical links and structured data, e.g. https://factcheck.example.</summary>
    public string? PublicUrl { get; set; }
    public string Name { get; set; } = "FactCheck";
    /// <summary>Import content/ on start when the database holds no advisories yet.</summary>
    public bool ImportContentOnStart { get; set; } = true;
    public string ContentPath { get; set; } = "./content";
    public int PageSize { get; set; } = 20;
    /// <summary>How long one advisory body may take to render for readers before it is shown as plain text (BodyRendering).</summary>
    public TimeSpan RenderTimeLimit { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>
    /// The output cache's size for public pages and feeds, in megabytes of stored (compressed) responses. 32 MB holds
    /// about 5,000 compressed pages; at 64 an instance walked through 100,000 advisories grew past 400 MB
    /// (bench/README.md, "Memory after the walk").
    /// </summary>
    public int OutputCacheMegabytes { get; set; } = 32;
}
