using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class AdvisoryNoteConfiguration : IEntityTypeConfiguration<AdvisoryNote>
{
    public void Configure(EntityTypeBuilder<AdvisoryNote> note)
    {
        note.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        note.Property(n => n.AuthorId).HasMaxLength(450);
        note.Property(n => n.AuthorName).HasMaxLength(256);
        note.Property(n => n.Text).HasMaxLength(4000);
        note.HasIndex(n => new { n.AdvisoryId, n.CreatedAt });
        note.HasOne<Advisory>().WithMany().HasForeignKey(n => n.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.HasKey(a => a.AdvisoryId);
        assignment.Property(a => a.UserId).HasMaxLength(450);
        assignment.Property(a => a.AssignedByName).HasMaxLength(256);
        assignment.HasIndex(a => a.UserId);
        assignment.HasOne<Advisory>().WithOne().HasForeignKey<Assignment>(a => a.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaxonomyRedirectConfiguration : IEntityTypeConfiguration<TaxonomyRedirect>
{
    public void Configure(EntityTypeBuilder<TaxonomyRedirect> redirect)
    {
        redirect.HasKey(r => new { r.Kind, r.From });
        redirect.Property(r => r.Kind).HasMaxLength(16);
        redirect.Property(r => r.From).HasMaxLength(100);
        redirect.Property(r => r.To).HasMaxLength(100);
    }
}

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

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> webhook)
    {
        webhook.Property(w => w.Url).HasMaxLength(2000);
        webhook.Property(w => w.Secret).HasMaxLength(100);
        webhook.Property(w => w.Events).HasMaxLength(200);
        webhook.Property(w => w.CreatedByName).HasMaxLength(256);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        delivery.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.Event).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.Recipient).HasMaxLength(2000);
        delivery.Property(d => d.Subject).HasMaxLength(1000);
        delivery.Property(d => d.LastError).HasMaxLength(1000);
        // The sender's "what is due" scan; finished rows have no NextAttemptAt.
        delivery.HasIndex(d => d.NextAttemptAt);
        delivery.HasIndex(d => d.CreatedAt);
        delivery.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}
