using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class TransparencyPageConfiguration : IEntityTypeConfiguration<TransparencyPage>
{
    public void Configure(EntityTypeBuilder<TransparencyPage> page)
    {
        page.HasKey(p => new { p.Key, p.Language });
        page.Property(p => p.Key).HasMaxLength(40);
        page.Property(p => p.Language).HasMaxLength(8);
        page.Property(p => p.Title).HasMaxLength(200);
        page.Property(p => p.Body).HasMaxLength(TransparencyPageLimits.BodyLength);
        page.Property(p => p.Version).IsConcurrencyToken();
        page.Ignore(p => p.Path);
    }
}
