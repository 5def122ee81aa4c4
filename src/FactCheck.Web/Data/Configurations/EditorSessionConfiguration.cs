using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class EditorSessionConfiguration : IEntityTypeConfiguration<EditorSession>
{
    public void Configure(EntityTypeBuilder<EditorSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(32);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.Property(s => s.EndedBy).HasMaxLength(256);
        session.Property(s => s.IpAddress).HasMaxLength(64);
        session.Property(s => s.UserAgent).HasMaxLength(300);
        session.HasIndex(s => s.UserId);
        session.HasOne<EditorUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
