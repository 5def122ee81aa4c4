using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
