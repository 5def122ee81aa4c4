using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class EditorUserConfiguration : IEntityTypeConfiguration<EditorUser>
{
    public void Configure(EntityTypeBuilder<EditorUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.ScheduleTimeZone).HasMaxLength(64);
    }
}
