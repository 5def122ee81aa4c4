using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
