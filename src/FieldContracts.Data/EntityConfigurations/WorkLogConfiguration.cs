using System.Text.Json;
using FieldContracts.Data.Conversion;
using FieldContracts.Data.Planning;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class WorkLogConfiguration : IEntityTypeConfiguration<WorkLog>
{
    public void Configure(EntityTypeBuilder<WorkLog> builder)
    {
        builder.ToTable("work_logs");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        // Application records are kept five years (CGS 22a-66g): a contract with work logged is not deleted.
        builder.HasOne<Contract>().WithMany().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.IdempotencyKey).HasMaxLength(100).IsRequired();
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(l => new { l.ContractorId, l.IdempotencyKey }).IsUnique();
        builder.HasIndex(l => new { l.ContractId, l.Status });
        builder.HasIndex(l => l.SiteId);
    }
}

internal sealed class WorkLogVersionConfiguration : IEntityTypeConfiguration<WorkLogVersion>
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public void Configure(EntityTypeBuilder<WorkLogVersion> builder)
    {
        builder.ToTable("work_log_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<WorkLog>().WithMany().HasForeignKey(v => v.WorkLogId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.WorkLogId, v.Version }).IsUnique();
        builder.Ignore(v => v.Content);
        builder.Property(v => v.Crew)
            .HasConversion(new JsonListConverter<string, string>(s => s, s => s), JsonListConverter<string, string>.Comparer)
            .IsRequired();
        builder.Property(v => v.OccurrenceIds)
            .HasConversion(new JsonListConverter<Guid, Guid>(g => g, g => g), JsonListConverter<Guid, Guid>.Comparer)
            .IsRequired();
        builder.Property(v => v.Heights)
            .HasConversion(new JsonListConverter<AreaHeight, AreaHeight>(h => h, h => h), JsonListConverter<AreaHeight, AreaHeight>.Comparer)
            .IsRequired();
        builder.Property(v => v.Application).HasConversion(new ValueConverter<ChemicalApplicationRecord?, string?>(
            a => a == null ? null : JsonSerializer.Serialize(a, Json),
            s => s == null ? null : JsonSerializer.Deserialize<ChemicalApplicationRecord>(s, Json)));
        builder.Property(v => v.Notes).HasMaxLength(4000);
        builder.Property(v => v.Subcontractor).HasMaxLength(200);
        builder.Property(v => v.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(v => v.Why).HasMaxLength(1000);
    }
}

internal sealed class WorkLogEventConfiguration : IEntityTypeConfiguration<WorkLogEvent>
{
    public void Configure(EntityTypeBuilder<WorkLogEvent> builder)
    {
        builder.ToTable("work_log_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<WorkLog>().WithMany().HasForeignKey(e => e.WorkLogId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StatusAfter).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.By).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.HasIndex(e => e.WorkLogId);
    }
}

internal sealed class WorkLogPhotoConfiguration : IEntityTypeConfiguration<WorkLogPhoto>
{
    public void Configure(EntityTypeBuilder<WorkLogPhoto> builder)
    {
        builder.ToTable("work_log_photos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<WorkLog>().WithMany().HasForeignKey(p => p.WorkLogId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.FileName).HasMaxLength(255).IsRequired();
        builder.Property(p => p.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(p => p.StoragePath).HasMaxLength(200).IsRequired();
        builder.Property(p => p.UploadedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(p => p.WorkLogId);
    }
}

internal sealed class NoticeRecordConfiguration : IEntityTypeConfiguration<NoticeRecord>
{
    public void Configure(EntityTypeBuilder<NoticeRecord> builder)
    {
        builder.ToTable("notice_records");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OccurrenceRecord>().WithMany().HasForeignKey(n => n.OccurrenceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(n => n.ContractId);
        builder.HasIndex(n => n.OccurrenceId);
    }
}
