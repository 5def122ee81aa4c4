using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class AdvisoryConfiguration : IEntityTypeConfiguration<Advisory>
{
    public void Configure(EntityTypeBuilder<Advisory> advisory)
    {
        advisory.Property(a => a.Language).HasMaxLength(8);
        advisory.Property(a => a.Slug).HasMaxLength(SlugRules.MaxLength);
        advisory.Property(a => a.Title).HasMaxLength(AdvisoryRules.TitleMax);
        advisory.Property(a => a.Summary).HasMaxLength(AdvisoryRules.SummaryMax);
        advisory.Property(a => a.ClaimText).HasMaxLength(AdvisoryRules.ClaimTextMax);
        advisory.Property(a => a.Claimant).HasMaxLength(AdvisoryRules.ClaimantMax);
        advisory.Property(a => a.ClaimantKind).HasConversion<string>().HasMaxLength(20);
        advisory.Property(a => a.TranslationKey).HasMaxLength(AdvisoryRules.TranslationKeyMax);
        advisory.Property(a => a.WithdrawalReason).HasMaxLength(AdvisoryRules.WithdrawalReasonMax);
        advisory.Property(a => a.Version).IsConcurrencyToken();

        advisory.HasIndex(a => new { a.Language, a.Slug }).IsUnique();
        // Lists order by PublishedAt then Id, both descending: the index alone serves deep pages.
        advisory.HasIndex(a => new { a.Status, a.Language, a.PublishedAt, a.Id });
        // A feed's last withdrawal (its Last-Modified): the newest withdrawn advisory of the scope, found from the top.
        advisory.HasIndex(a => new { a.Status, a.Language, a.WithdrawnAt });
        advisory.HasIndex(a => a.TranslationKey);

        advisory.HasOne(a => a.Rating).WithMany().HasForeignKey(a => a.RatingId).OnDelete(DeleteBehavior.Restrict);
        advisory.HasMany(a => a.Platforms).WithMany(p => p.Advisories).UsingEntity("AdvisoryPlatforms");
        advisory.HasMany(a => a.Tags).WithMany(t => t.Advisories).UsingEntity("AdvisoryTags");
        advisory.HasMany(a => a.Authors).WithMany(t => t.Advisories).UsingEntity("AdvisoryAuthors");
        advisory.HasMany(a => a.Indicators).WithOne(i => i.Advisory).HasForeignKey(i => i.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        advisory.HasMany(a => a.Sources).WithOne().HasForeignKey(s => s.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        advisory.HasMany(a => a.Screenshots).WithOne().HasForeignKey(s => s.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        advisory.HasMany(a => a.Corrections).WithOne(c => c.Advisory).HasForeignKey(c => c.AdvisoryId).OnDelete(DeleteBehavior.Cascade);

        advisory.Ignore(a => a.SiteLanguage);
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> rating)
    {
        rating.Property(r => r.Key).HasMaxLength(40);
        rating.Property(r => r.LabelAr).HasMaxLength(80);
        rating.Property(r => r.LabelUk).HasMaxLength(80);
        rating.Property(r => r.LabelEn).HasMaxLength(80);
        rating.Property(r => r.Colour).HasMaxLength(7);
        rating.Property(r => r.DescriptionAr).HasMaxLength(1000).HasDefaultValue("");
        rating.Property(r => r.DescriptionUk).HasMaxLength(1000).HasDefaultValue("");
        rating.Property(r => r.DescriptionEn).HasMaxLength(1000).HasDefaultValue("");
        rating.HasIndex(r => r.Key).IsUnique();
    }
}

internal sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> platform)
    {
        platform.Property(p => p.Key).HasMaxLength(60);
        platform.Property(p => p.Name).HasMaxLength(100);
        platform.Property(p => p.Equivalents).HasMaxLength(1000).HasDefaultValue("");
        platform.Ignore(p => p.EquivalentNames);
        platform.HasIndex(p => p.Key).IsUnique();
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Name).HasMaxLength(AdvisoryRules.TagMax);
        tag.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.Property(a => a.Name).HasMaxLength(AdvisoryRules.AuthorMax);
        author.HasIndex(a => a.Name).IsUnique();
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.Property(i => i.Raw).HasMaxLength(AdvisoryRules.IndicatorMax);
        indicator.Property(i => i.Normalized).HasMaxLength(500);
        indicator.Property(i => i.Country).HasMaxLength(2);
        indicator.HasIndex(i => i.Normalized);
        // The check page's phone lookup filters Type = Phone and a suffix of Normalized: scanning this
        // index reads only the phone entries instead of every indicator row.
        indicator.HasIndex(i => new { i.Type, i.Normalized });
    }
}

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

internal sealed class ScreenshotConfiguration : IEntityTypeConfiguration<Screenshot>
{
    public void Configure(EntityTypeBuilder<Screenshot> screenshot)
    {
        screenshot.Property(s => s.AltText).HasMaxLength(AdvisoryRules.AltTextMax);
        screenshot.Property(s => s.Caption).HasMaxLength(AdvisoryRules.CaptionMax);
        screenshot.HasMany(s => s.Files).WithOne().HasForeignKey(f => f.ScreenshotId).OnDelete(DeleteBehavior.Cascade);
        screenshot.Property(s => s.OriginalFileName).HasMaxLength(100);
        // Covers the similar-screenshot scan (SQLite adds the row id), so it never reads the text columns.
        screenshot.HasIndex(s => new { s.PerceptualHash, s.AdvisoryId });
        screenshot.Ignore(s => s.Fallback);
        screenshot.Ignore(s => s.Fallbacks);
        screenshot.Ignore(s => s.WebP);
    }
}

internal sealed class ScreenshotFileConfiguration : IEntityTypeConfiguration<ScreenshotFile>
{
    public void Configure(EntityTypeBuilder<ScreenshotFile> file)
    {
        file.Property(f => f.FileName).HasMaxLength(100);
        file.Property(f => f.ContentType).HasMaxLength(40);
        file.Ignore(f => f.Url);
    }
}

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> correction)
    {
        correction.Property(c => c.Note).HasMaxLength(AdvisoryRules.NoteMax);
        correction.HasIndex(c => c.PublishedAt);
    }
}

internal sealed class TransparencyPageConfiguration : IEntityTypeConfiguration<TransparencyPage>
{
    public void Configure(EntityTypeBuilder<TransparencyPage> page)
    {
        page.HasKey(p => new { p.Key, p.Language });
        page.Property(p => p.Key).HasMaxLength(40);
        page.Property(p => p.Language).HasMaxLength(8);
        page.Property(p => p.Title).HasMaxLength(200);
        page.Property(p => p.Body).HasMaxLength(TransparencyPageLimits.BodyLength);
        page.Property(p => p.Version).IsConcurrencyToken();
        page.Ignore(p => p.Path);
    }
}

internal sealed class TransparencyPageRevisionConfiguration : IEntityTypeConfiguration<TransparencyPageRevision>
{
    public void Configure(EntityTypeBuilder<TransparencyPageRevision> revision)
    {
        revision.Property(r => r.Key).HasMaxLength(40);
        revision.Property(r => r.Language).HasMaxLength(8);
        revision.Property(r => r.Title).HasMaxLength(200);
        revision.Property(r => r.Body).HasMaxLength(TransparencyPageLimits.BodyLength);
        revision.Property(r => r.SavedBy).HasMaxLength(256);
        revision.HasIndex(r => new { r.Key, r.Language, r.SavedAt });
    }
}
