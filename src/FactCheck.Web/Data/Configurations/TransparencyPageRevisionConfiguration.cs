using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class TransparencyPageRevisionConfiguration : IEntityTypeConfiguration<TransparencyPageRevision>
{
    public void Configure(EntityTypeBuilder<TransparencyPageRevision> revision)
    {
        revision.Property(r => r.Key).HasMaxLength(40);
        revision.Property(r => r.Language).HasMaxLength(8);
        revision.Property(r => r.Title).HasMaxLength(200);
        revision.Property(r => r.Body).HasMaxLength(TransparencyPageLimits.BodyLength);
        revision.Property(r => r.SavedBy).HasMaxLength(256);
        revision.HasIndex(r => new { r.Key, r.Language, r.SavedAt });
    }
}
