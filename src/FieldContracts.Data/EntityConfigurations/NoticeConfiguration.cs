using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> builder)
    {
        builder.ToTable("notice_recipients");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Email).HasMaxLength(320).IsRequired();
        builder.HasIndex(r => new { r.SiteId, r.Category, r.Email }).IsUnique();
    }
}

internal sealed class ChemicalNoticeConfiguration : IEntityTypeConfiguration<ChemicalNoticeRecord>
{
    public void Configure(EntityTypeBuilder<ChemicalNoticeRecord> builder)
    {
        builder.ToTable("chemical_notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OccurrenceRecord>().WithMany().HasForeignKey(n => n.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.OccurrenceId, n.Version }).IsUnique();
        builder.HasIndex(n => n.ContractId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.DedupKey).HasMaxLength(400).IsRequired();
        builder.HasOne<ChemicalNoticeRecord>().WithMany().HasForeignKey(m => m.ChemicalNoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.ToAddress).HasMaxLength(320).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(400).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.AttachmentSha256).HasMaxLength(64);
        builder.Property(m => m.AttachmentFileName).HasMaxLength(255);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.ClaimedBy).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasIndex(m => m.ChemicalNoticeId);
    }
}

