using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FactCheck;

/// <summary>One database for content and back-office accounts (ASP.NET Core Identity), so an editor action is one transaction.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<EditorUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Advisory> Advisories => Set<Advisory>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<Platform> Platforms => Set<Platform>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Screenshot> Screenshots => Set<Screenshot>();
    public DbSet<ScreenshotFile> ScreenshotFiles => Set<ScreenshotFile>();
    public DbSet<Correction> Corrections => Set<Correction>();
    public DbSet<AdvisoryRevision> AdvisoryRevisions => Set<AdvisoryRevision>();
    public DbSet<PreviewLink> PreviewLinks => Set<PreviewLink>();
    public DbSet<Autosave> Autosaves => Set<Autosave>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<BackOfficeSetting> Settings => Set<BackOfficeSetting>();
    /// <summary>The data-protection key ring, shared by every instance of the site (BackOfficeSetup).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Lease> Leases => Set<Lease>();
    /// <summary>Signed-in browsers of the back-office; signing out ends one (EditorSessions).</summary>
    public DbSet<EditorSession> EditorSessions => Set<EditorSession>();
    // The desk working together: notes, assignments, notifications (docs/back-office.md), taxonomy redirects.
    public DbSet<AdvisoryNote> AdvisoryNotes => Set<AdvisoryNote>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<NotificationSetting> NotificationSettings => Set<NotificationSetting>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<TaxonomyRedirect> TaxonomyRedirects => Set<TaxonomyRedirect>();
    // The indicator registry (Registry/) and readers' tips (Tips/).
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<RegistryEntry> RegistryEntries => Set<RegistryEntry>();
    public DbSet<StatusRecord> RegistryStatuses => Set<StatusRecord>();
    public DbSet<RegistryRevision> RegistryRevisions => Set<RegistryRevision>();
    public DbSet<Tip> Tips => Set<Tip>();
    public DbSet<TipIndicator> TipIndicators => Set<TipIndicator>();
    public DbSet<TransparencyPage> TransparencyPages => Set<TransparencyPage>();
    public DbSet<TransparencyPageRevision> TransparencyPageRevisions => Set<TransparencyPageRevision>();

    /// <summary>What readers may see: published, and not withdrawn.</summary>
    public IQueryable<Advisory> PublishedAdvisories => Advisories.Where(a => a.Status == AdvisoryStatus.Published);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // the Identity tables
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All timestamps are UTC. SQLite hands DateTime back as Unspecified and PostgreSQL's
        // timestamptz insists on Utc, so the kind is fixed on the way in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Enums are stored by name: readable in the database and stable if members are reordered.
        configurationBuilder.Properties<AdvisoryKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AdvisoryStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Severity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IndicatorType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CorrectionKind>().HaveConversion<string>().HaveMaxLength(16);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
