using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class TipIndicatorConfiguration : IEntityTypeConfiguration<TipIndicator>
{
    public void Configure(EntityTypeBuilder<TipIndicator> indicator)
    {
        indicator.Property(i => i.Value).HasMaxLength(IndicatorNormalizer.MaxNormalizedLength);
        indicator.HasIndex(i => new { i.Type, i.Value });
    }
}
