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
        // Deleting the source (a draft never published) leaves its translations, no longer tracking it.
        advisory.HasOne<Advisory>().WithMany().HasForeignKey(a => a.TranslatedFromId).OnDelete(DeleteBehavior.SetNull);
        advisory.HasMany(a => a.Corrections).WithOne(c => c.Advisory).HasForeignKey(c => c.AdvisoryId).OnDelete(DeleteBehavior.Cascade);

        advisory.Ignore(a => a.SiteLanguage);
    }
}
