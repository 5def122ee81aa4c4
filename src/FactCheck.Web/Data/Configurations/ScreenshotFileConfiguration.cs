using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class ScreenshotFileConfiguration : IEntityTypeConfiguration<ScreenshotFile>
{
    public void Configure(EntityTypeBuilder<ScreenshotFile> file)
    {
        file.Property(f => f.FileName).HasMaxLength(100);
        file.Property(f => f.ContentType).HasMaxLength(40);
        file.Ignore(f => f.Url);
    }
}
