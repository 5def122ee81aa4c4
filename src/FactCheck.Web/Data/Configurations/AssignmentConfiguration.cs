using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
