using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> setting)
    {
        setting.HasKey(s => s.UserId);
        setting.Property(s => s.UserId).HasMaxLength(450);
        setting.Property(s => s.Language).HasMaxLength(8);
        setting.Property(s => s.Muted).HasMaxLength(200);
        setting.HasOne<EditorUser>().WithOne().HasForeignKey<NotificationSetting>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
