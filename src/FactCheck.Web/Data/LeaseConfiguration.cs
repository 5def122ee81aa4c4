using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> lease)
    {
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(100);
        lease.Property(l => l.Holder).HasMaxLength(200);
    }
}
