using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> tip)
    {
        tip.Property(t => t.Language).HasMaxLength(8);
        tip.Property(t => t.Text).HasMaxLength(TipLimits.MaxTextLength);
        tip.Property(t => t.Contact).HasMaxLength(TipLimits.MaxContactLength);
        tip.Property(t => t.ScreenshotFile).HasMaxLength(100);
        tip.Property(t => t.ScreenshotText).HasMaxLength(TipLimits.MaxScreenshotTextLength);
        tip.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        // The queue lists open tips by date; retention deletes by date.
        tip.HasIndex(t => new { t.State, t.ReceivedAt });
        tip.HasIndex(t => t.ReceivedAt);
        tip.HasIndex(t => t.AdvisoryId);
        tip.HasOne<Advisory>().WithMany().HasForeignKey(t => t.AdvisoryId).OnDelete(DeleteBehavior.SetNull);
        tip.HasMany(t => t.Indicators).WithOne().HasForeignKey(i => i.TipId).OnDelete(DeleteBehavior.Cascade);
    }
}
