using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class BackOfficeSettingConfiguration : IEntityTypeConfiguration<BackOfficeSetting>
{
    public void Configure(EntityTypeBuilder<BackOfficeSetting> setting)
    {
        setting.ToTable("Settings");
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(100);
        setting.Property(s => s.Value).HasMaxLength(1000);
    }
}
