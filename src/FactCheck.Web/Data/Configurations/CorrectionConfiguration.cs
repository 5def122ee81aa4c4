using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> correction)
    {
        correction.Property(c => c.Note).HasMaxLength(AdvisoryRules.NoteMax);
        correction.HasIndex(c => c.PublishedAt);
    }
}
