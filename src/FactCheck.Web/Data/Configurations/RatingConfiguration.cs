using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> rating)
    {
        rating.Property(r => r.Key).HasMaxLength(40);
        rating.Property(r => r.LabelAr).HasMaxLength(80);
        rating.Property(r => r.LabelUk).HasMaxLength(80);
        rating.Property(r => r.LabelEn).HasMaxLength(80);
        rating.Property(r => r.Colour).HasMaxLength(7);
        rating.Property(r => r.DescriptionAr).HasMaxLength(1000).HasDefaultValue("");
        rating.Property(r => r.DescriptionUk).HasMaxLength(1000).HasDefaultValue("");
        rating.Property(r => r.DescriptionEn).HasMaxLength(1000).HasDefaultValue("");
        rating.HasIndex(r => r.Key).IsUnique();
    }
}
