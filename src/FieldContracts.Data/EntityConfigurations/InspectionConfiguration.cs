using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Inspections;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Conversion;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

/// <summary>
/// An inspection is one row; its lines, never changed once recorded and always read with it, are a JSON column in a
/// shape of their own (as a deliverable's steps are). The range each height was judged by is kept with the line, so the
/// record reads the same after the Athletic Director changes an area's sport seasons.
/// </summary>
internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.ToTable("inspections");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        // Inspections are part of the record behind remedies: a contract or school with one is not deleted.
        builder.HasOne<Contract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.InspectedByParty).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.InspectedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(i => i.Passed);
        builder.Ignore(i => i.Lines);
        builder.Property<List<InspectionLine>>("_lines").HasColumnName("lines")
            .HasConversion(new JsonListConverter<InspectionLine, StoredLine>(StoredLine.From, StoredLine.ToLine),
                JsonListConverter<InspectionLine, StoredLine>.Comparer)
            .IsRequired();
        builder.HasIndex(i => new { i.ContractId, i.InspectedOn });
        builder.HasIndex(i => i.SiteId);
    }

    /// <summary>A line as its JSON column keeps it.</summary>
    private sealed record StoredLine(string Line, string Check, Guid? AreaId, string What, string Clause, decimal? MeasuredInches,
        decimal? RequiredMin, decimal? RequiredMax, bool? InSeason, bool Passed, string? Note, List<StoredPhoto> Photos)
    {
        public static StoredLine From(InspectionLine l) => new(l.Line, l.Check.ToString(), l.AreaId, l.What, l.Clause, l.MeasuredInches,
            l.Required?.Range.MinInches, l.Required?.Range.MaxInches, l.Required?.InSeason, l.Passed, l.Note,
            l.Photos.Select(p => new StoredPhoto(p.Sha256, p.FileName, p.ContentType, p.SizeBytes)).ToList());

        public static InspectionLine ToLine(StoredLine s) => new(s.Line, Enum.Parse<InspectionCheck>(s.Check), s.AreaId, s.What, s.Clause,
            s.MeasuredInches,
            s.RequiredMin is { } min && s.RequiredMax is { } max ? new SeasonalHeight(new CuttingHeight(min, max), s.InSeason == true) : null,
            s.Passed, s.Note, (s.Photos ?? []).Select(p => new EvidencePhoto(p.Sha256, p.FileName, p.ContentType, p.SizeBytes)).ToList());
    }

    private sealed record StoredPhoto(string Sha256, string FileName, string ContentType, long SizeBytes);
}

internal sealed class DeficiencyPhotoConfiguration : IEntityTypeConfiguration<DeficiencyPhoto>
{
    public void Configure(EntityTypeBuilder<DeficiencyPhoto> builder)
    {
        builder.ToTable("deficiency_photos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(p => p.FileName).HasMaxLength(255).IsRequired();
        builder.Property(p => p.ContentType).HasMaxLength(40).IsRequired();
        builder.HasIndex(p => p.DeficiencyId);
    }
}
