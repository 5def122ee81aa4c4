using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class RegistryEntryConfiguration : IEntityTypeConfiguration<RegistryEntry>
{
    public void Configure(EntityTypeBuilder<RegistryEntry> entry)
    {
        entry.ToTable("RegistryEntries");
        entry.Property(e => e.Value).HasMaxLength(IndicatorNormalizer.MaxNormalizedLength);
        entry.Property(e => e.PhoneKey).HasMaxLength(IndicatorNormalizer.PhoneLookupKeyLength);
        entry.Property(e => e.Label).HasMaxLength(200);
        entry.Property(e => e.Version).IsConcurrencyToken();
        // One entry per indicator: the check's exact lookup and the advisory feed's upsert use this index.
        entry.HasIndex(e => new { e.Type, e.Value }).IsUnique();
        // National forms of a phone number share its last digits (IndicatorNormalizer.PhoneLookupKey).
        entry.HasIndex(e => e.PhoneKey);
        entry.HasMany(e => e.History).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        entry.Ignore(e => e.Timeline);
    }
}
