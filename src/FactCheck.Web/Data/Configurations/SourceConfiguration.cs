using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> source)
    {
        source.Property(s => s.Title).HasMaxLength(AdvisoryRules.SourceTitleMax);
        source.Property(s => s.Url).HasMaxLength(AdvisoryRules.UrlMax);
        source.Property(s => s.Publisher).HasMaxLength(AdvisoryRules.PublisherMax);
        source.Property(s => s.ArchiveUrl).HasMaxLength(AdvisoryRules.UrlMax);
    }
}
