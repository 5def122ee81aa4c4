using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class AdvisoryNoteConfiguration : IEntityTypeConfiguration<AdvisoryNote>
{
    public void Configure(EntityTypeBuilder<AdvisoryNote> note)
    {
        note.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        note.Property(n => n.AuthorId).HasMaxLength(450);
        note.Property(n => n.AuthorName).HasMaxLength(256);
        note.Property(n => n.Text).HasMaxLength(4000);
        note.HasIndex(n => new { n.AdvisoryId, n.CreatedAt });
        note.HasOne<Advisory>().WithMany().HasForeignKey(n => n.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
