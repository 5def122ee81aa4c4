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
        file.Ignore(f => f.BackOfficeUrl);
        // Whether a file is still used (deleting, sweeping orphans) and whether /media may serve it are asked by name.
        file.HasIndex(f => f.FileName);
    }
}
