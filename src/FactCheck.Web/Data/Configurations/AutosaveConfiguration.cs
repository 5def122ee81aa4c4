using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class AutosaveConfiguration : IEntityTypeConfiguration<Autosave>
{
    public void Configure(EntityTypeBuilder<Autosave> autosave)
    {
        autosave.Property(a => a.UserId).HasMaxLength(450);
        autosave.Property(a => a.Key).HasMaxLength(40);
        autosave.HasIndex(a => new { a.UserId, a.Key }).IsUnique();
        autosave.HasOne<EditorUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        autosave.HasOne<Advisory>().WithMany().HasForeignKey(a => a.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
