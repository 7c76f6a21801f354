using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using FieldContracts.Data.Conversion;
using FieldContracts.Data.Performance;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;
using System.Text.Json;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class PerformanceCaseConfiguration : IEntityTypeConfiguration<PerformanceCase>
{
    public void Configure(EntityTypeBuilder<PerformanceCase> builder)
    {
        builder.ToTable("performance_cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ContractId, c.Status });
        // Two steps at once on one case: the second finds the status changed and is refused.
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30).IsConcurrencyToken();
        builder.Property(c => c.MeetingPlace).HasMaxLength(300).IsRequired();
        builder.Property(c => c.MeetingAttendees)
            .HasConversion(new JsonListConverter<string, string>(a => a, a => a), JsonListConverter<string, string>.Comparer)
            .IsRequired();
        builder.Property(c => c.MeetingMinutes).HasMaxLength(8000);
        builder.Property(c => c.ContractorResponse).HasMaxLength(8000);
        builder.Ignore(c => c.RemedialPeriod);
        builder.Ignore(c => c.IsClosed);
        builder.Ignore(c => c.Uncured);

        builder.OwnsMany(c => c.Deficiencies, deficiency =>
        {
            deficiency.ToTable("performance_case_deficiencies");
            deficiency.WithOwner().HasForeignKey("CaseId");
            deficiency.HasKey("CaseId", nameof(CaseDeficiency.DeficiencyId));
            deficiency.HasOne<Deficiency>().WithMany().HasForeignKey(d => d.DeficiencyId).OnDelete(DeleteBehavior.Restrict);
            deficiency.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
            deficiency.Property(d => d.StatusWhenNamed).HasConversion<string>().HasMaxLength(20);
            deficiency.Property(d => d.Evidence).HasMaxLength(2000).IsRequired();
            deficiency.Property(d => d.CuredMeans).HasMaxLength(2000);
            deficiency.Ignore(d => d.ToCure);
            deficiency.HasIndex(d => d.DeficiencyId);
        });
        builder.Navigation(c => c.Deficiencies).HasField("_deficiencies").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The termination for cause is the contract's one termination row, pointing back at the case that decided it.
        builder.HasOne(c => c.Termination).WithOne().HasForeignKey<ContractTermination>("CaseId").IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PerformanceCaseStepConfiguration : IEntityTypeConfiguration<PerformanceCaseStep>
{
    public void Configure(EntityTypeBuilder<PerformanceCaseStep> builder)
    {
        builder.ToTable("performance_case_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.StatusAfter).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Party).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.By).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Text).HasMaxLength(8000).IsRequired();
        builder.Property(s => s.Command).HasConversion(StoredCommand.Converter, StoredCommand.Comparer);
        builder.Property(s => s.Documents).HasConversion(DocumentReferences.Converter, DocumentReferences.Comparer).IsRequired();
        builder.HasIndex(s => s.CaseId);
    }
}

internal sealed class ContractTerminationConfiguration : IEntityTypeConfiguration<ContractTermination>
{
    public void Configure(EntityTypeBuilder<ContractTermination> builder)
    {
        builder.ToTable("contract_terminations");
        // One termination a contract: a second is refused by the key even if two are decided at once.
        builder.HasKey(t => t.ContractId);
        builder.HasOne<Contract>().WithOne().HasForeignKey<ContractTermination>(t => t.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Reason).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Party).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.By).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Text).HasMaxLength(8000).IsRequired();
        builder.Property(t => t.Documents).HasConversion(DocumentReferences.Converter, DocumentReferences.Comparer).IsRequired();
        builder.Ignore(t => t.LastDayOfService);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocumentRecord>
{
    public void Configure(EntityTypeBuilder<CaseDocumentRecord> builder)
    {
        builder.ToTable("case_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PerformanceCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.FileName).HasMaxLength(255).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.AddedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(d => d.CaseId);
        builder.HasIndex(d => d.ContractId);
    }
}

internal sealed class PerformanceWatchConfiguration : IEntityTypeConfiguration<PerformanceWatchRecord>
{
    public void Configure(EntityTypeBuilder<PerformanceWatchRecord> builder)
    {
        builder.ToTable("performance_watch_settings");
        builder.HasKey(w => w.ContractId);
        builder.HasOne<Contract>().WithOne().HasForeignKey<PerformanceWatchRecord>(w => w.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.ChangedBy).HasMaxLength(256).IsRequired();
    }
}

/// <summary>A step's document references as a JSON list of strings.</summary>
internal static class DocumentReferences
{
    public static ValueConverter<IReadOnlyList<DocumentReference>, string> Converter { get; } = new(
        list => JsonSerializer.Serialize(list.Select(d => d.Value).ToList(), StoredJson.Options),
        json => (JsonSerializer.Deserialize<List<string>>(json, StoredJson.Options) ?? new List<string>())
            .Select(v => new DocumentReference(v)).ToList());

    public static ValueComparer<IReadOnlyList<DocumentReference>> Comparer { get; } = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

/// <summary>
/// A step's own data as its JSON column keeps it: one flat shape naming the action, so the domain's commands carry no
/// serialization attributes and a stored step reads back as the command it was.
/// </summary>
internal sealed record StoredCommand(
    string Action,
    string? On = null,
    string? Place = null,
    List<string>? Attendees = null,
    string? Minutes = null,
    string? ContractorResponse = null,
    string? StartsOn = null,
    string? EndsOn = null,
    List<StoredRequirement>? Requirements = null,
    string? SentAt = null,
    Guid? DeficiencyId = null,
    bool? Cured = null,
    Guid? WorkLogId = null)
{
    public static ValueConverter<PerformanceCaseCommand?, string?> Converter { get; } = new(
        command => command == null ? null : JsonSerializer.Serialize(From(command), StoredJson.Options),
        json => json == null ? null : ToCommand(JsonSerializer.Deserialize<StoredCommand>(json, StoredJson.Options)!));

    public static ValueComparer<PerformanceCaseCommand?> Comparer { get; } = new(
        (a, b) => ReferenceEquals(a, b),
        c => c == null ? 0 : c.GetHashCode(),
        c => c);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static LocalDate Date(string? text) => LocalDatePattern.Iso.Parse(text!).Value;

    private static StoredCommand From(PerformanceCaseCommand command) => command switch
    {
        PerformanceCaseCommand.ScheduleMeeting c => new(c.Action.ToString(), On: Date(c.On), Place: c.Place, Attendees: c.Attendees.ToList()),
        PerformanceCaseCommand.HoldMeeting c => new(c.Action.ToString(), On: Date(c.HeldOn), Minutes: c.Minutes,
            ContractorResponse: c.ContractorResponse),
        PerformanceCaseCommand.SetRemedialPeriod c => new(c.Action.ToString(), StartsOn: Date(c.StartsOn), EndsOn: Date(c.EndsOn),
            Requirements: c.Requirements.Select(r => new StoredRequirement(r.DeficiencyId, r.CuredMeans)).ToList()),
        PerformanceCaseCommand.SendCureNotice c => new(c.Action.ToString(), SentAt: InstantPattern.ExtendedIso.Format(c.SentAt)),
        PerformanceCaseCommand.VerifyCure c => new(c.Action.ToString(), On: Date(c.InspectedOn), DeficiencyId: c.DeficiencyId, Cured: c.Cured),
        PerformanceCaseCommand.TerminateForCause c => new(c.Action.ToString(), On: Date(c.EffectiveOn)),
        PerformanceCaseCommand.SubmitCure c => new(c.Action.ToString(), DeficiencyId: c.DeficiencyId, WorkLogId: c.WorkLogId),
        _ => new(command.Action.ToString()),
    };

    private static PerformanceCaseCommand ToCommand(StoredCommand s) => Enum.Parse<PerformanceCaseAction>(s.Action) switch
    {
        PerformanceCaseAction.ScheduleMeeting => new PerformanceCaseCommand.ScheduleMeeting(Date(s.On), s.Place!, s.Attendees!),
        PerformanceCaseAction.HoldMeeting => new PerformanceCaseCommand.HoldMeeting(Date(s.On), s.Minutes!, s.ContractorResponse!),
        PerformanceCaseAction.SetRemedialPeriod => new PerformanceCaseCommand.SetRemedialPeriod(Date(s.StartsOn), Date(s.EndsOn),
            s.Requirements!.Select(r => new CureRequirement(r.DeficiencyId, r.CuredMeans)).ToList()),
        PerformanceCaseAction.SendCureNotice => new PerformanceCaseCommand.SendCureNotice(InstantPattern.ExtendedIso.Parse(s.SentAt!).Value),
        PerformanceCaseAction.VerifyCure => new PerformanceCaseCommand.VerifyCure(s.DeficiencyId!.Value, s.Cured!.Value, Date(s.On)),
        PerformanceCaseAction.TerminateForCause => new PerformanceCaseCommand.TerminateForCause(Date(s.On)),
        PerformanceCaseAction.SubmitCure => new PerformanceCaseCommand.SubmitCure(s.DeficiencyId!.Value, s.WorkLogId),
        PerformanceCaseAction.Respond => new PerformanceCaseCommand.Respond(),
        PerformanceCaseAction.Withdraw => new PerformanceCaseCommand.Withdraw(),
        var action => throw new InvalidOperationException($"A stored step cannot be a {action} command."),
    };
}

internal sealed record StoredRequirement(Guid DeficiencyId, string CuredMeans);
