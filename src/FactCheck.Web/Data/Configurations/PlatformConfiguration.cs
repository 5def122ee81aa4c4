using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> platform)
    {
        platform.Property(p => p.Key).HasMaxLength(60);
        platform.Property(p => p.Name).HasMaxLength(100);
        platform.Property(p => p.NameAr).HasMaxLength(100);
        platform.Property(p => p.NameUk).HasMaxLength(100);
        platform.Property(p => p.Equivalents).HasMaxLength(1000).HasDefaultValue("");
        platform.Ignore(p => p.EquivalentNames);
        platform.HasIndex(p => p.Key).IsUnique();
    }
}
