using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.Property(i => i.Raw).HasMaxLength(AdvisoryRules.IndicatorMax);
        indicator.Property(i => i.Normalized).HasMaxLength(500);
        indicator.Property(i => i.Country).HasMaxLength(2);
        indicator.HasIndex(i => i.Normalized);
        // The check page's phone lookup filters Type = Phone and a suffix of Normalized: scanning this
        // index reads only the phone entries instead of every indicator row.
        indicator.HasIndex(i => new { i.Type, i.Normalized });
    }
}
