using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class ScreenshotConfiguration : IEntityTypeConfiguration<Screenshot>
{
    public void Configure(EntityTypeBuilder<Screenshot> screenshot)
    {
        screenshot.Property(s => s.AltText).HasMaxLength(AdvisoryRules.AltTextMax);
        screenshot.Property(s => s.Caption).HasMaxLength(AdvisoryRules.CaptionMax);
        screenshot.HasMany(s => s.Files).WithOne().HasForeignKey(f => f.ScreenshotId).OnDelete(DeleteBehavior.Cascade);
        screenshot.Property(s => s.OriginalFileName).HasMaxLength(100);
        // Covers the similar-screenshot scan (SQLite adds the row id), so it never reads the text columns.
        screenshot.HasIndex(s => new { s.PerceptualHash, s.AdvisoryId });
        screenshot.Ignore(s => s.Fallback);
        screenshot.Ignore(s => s.Fallbacks);
        screenshot.Ignore(s => s.WebP);
    }
}
