using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.Property(a => a.Name).HasMaxLength(AdvisoryRules.AuthorMax);
        author.HasIndex(a => a.Name).IsUnique();
    }
}
