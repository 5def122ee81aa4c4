using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class TaxonomyRedirectConfiguration : IEntityTypeConfiguration<TaxonomyRedirect>
{
    public void Configure(EntityTypeBuilder<TaxonomyRedirect> redirect)
    {
        redirect.HasKey(r => new { r.Kind, r.From });
        redirect.Property(r => r.Kind).HasMaxLength(16);
        redirect.Property(r => r.From).HasMaxLength(100);
        redirect.Property(r => r.To).HasMaxLength(100);
    }
}
