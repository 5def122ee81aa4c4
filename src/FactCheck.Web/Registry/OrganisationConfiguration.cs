using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Key).HasMaxLength(60);
        organisation.Property(o => o.Name).HasMaxLength(200);
        organisation.Property(o => o.Website).HasMaxLength(2000);
        organisation.HasIndex(o => o.Key).IsUnique();
    }
}
