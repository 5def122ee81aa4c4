using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class RenderedAdvisoryConfiguration : IEntityTypeConfiguration<RenderedAdvisory>
{
    public void Configure(EntityTypeBuilder<RenderedAdvisory> rendered)
    {
        rendered.ToTable("RenderedAdvisories");
        rendered.HasKey(r => r.AdvisoryId);
        rendered.Property(r => r.RendererVersion).HasMaxLength(40);
        rendered.HasOne<Advisory>().WithOne().HasForeignKey<RenderedAdvisory>(r => r.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
