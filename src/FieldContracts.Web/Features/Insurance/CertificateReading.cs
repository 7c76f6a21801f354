using System.Security.Cryptography;
using FieldContracts.Administration;
using FieldContracts.Administration.Insurance;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using NodaTime;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>The certificate's PDF after its checks: name, SHA-256 and bytes.</summary>
public sealed record CertificatePdf(string FileName, string Sha256, byte[] Bytes)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// Reads what was submitted into the shapes the domain takes, saying at which field each thing is wrong: the limits by
/// their names in <see cref="LimitNames"/>, Best's ratings with <see cref="BestRating.Parse"/>, and the PDF by its bytes.
/// </summary>
public static class CertificateReading
{
    /// <summary>At most 10 MB: a certificate with its endorsements is a few pages.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Letters = ["A", "B", "C", "D", "E", "F"];

    public static readonly IReadOnlyList<string> KnownLimits =
        [LimitNames.CombinedSingleLimit, LimitNames.EachAccident, LimitNames.DiseaseEachEmployee, LimitNames.DiseasePolicyLimit, LimitNames.SingleLimit];

    /// <summary>The PDF of the certificate and endorsements: present, at most <see cref="MaxBytes"/>, and a PDF by its first bytes ("%PDF-").</summary>
    public static CertificatePdf? Pdf(FileUpload? upload, FieldErrors errors)
    {
        if (upload is null || upload.Length == 0)
        {
            errors.Add("document", "Attach the certificate and its endorsements as one PDF.");
            return null;
        }

        var name = Path.GetFileName(upload.FileName);
        if (upload.Length > MaxBytes)
        {
            errors.Add("document", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{name} is {upload.Length / (1024.0 * 1024.0):0.0} MB; the certificate's PDF may be at most 10 MB."));
            return null;
        }

        if (name.Length is 0 or > 255)
        {
            errors.Add("document", "The file needs a name of at most 255 characters.");
            return null;
        }

        if (DocumentStore.Detect(upload.Bytes, name) != CertificatePdf.ContentType)
        {
            errors.Add("document", $"{name} is not a PDF: its content does not begin as a PDF does, whatever its name. Attach the certificate as a PDF.");
            return null;
        }

        return new CertificatePdf(name, Convert.ToHexStringLower(SHA256.HashData(upload.Bytes)), upload.Bytes);
    }

    /// <summary>The certificate as the domain takes it, submitted on <paramref name="today"/>; null when <paramref name="errors"/> has any.</summary>
    public static InsuranceCertificate? Certificate(CertificateRequest body, LocalDate today, FieldErrors errors)
    {
        if (body.IssuedOn is null)
        {
            errors.Add("issuedOn", "Give the certificate's date.");
        }
        else if (body.IssuedOn > today)
        {
            errors.Add("issuedOn", "The certificate's date is after today.");
        }

        var producer = Party(body.Producer, "producer", errors);
        var insured = Party(body.Insured, "insured", errors);
        var holder = Party(body.Holder, "holder", errors);
        errors.Text("descriptionOfOperations", body.DescriptionOfOperations, 4000);
        if (body.CancellationNoticeDays is not { } noticeDays || noticeDays is < 0 or > 365)
        {
            errors.Add("cancellationNoticeDays", "Give the days of written notice of cancellation the certificate promises the City (0 when none).");
        }

        var insurers = new List<Insurer>();
        foreach (var (insurer, i) in (body.Insurers ?? []).Select((x, i) => (x, i)))
        {
            var path = $"insurers[{i}]";
            var letter = insurer.Letter?.Trim().ToUpperInvariant();
            if (letter is null || !Letters.Contains(letter))
            {
                errors.Add($"{path}.letter", "An insurer's letter is one of A to F.");
            }
            else if (insurers.Any(x => x.Letter == letter))
            {
                errors.Add($"{path}.letter", $"Insurer {letter} is listed twice.");
            }

            errors.Text($"{path}.name", insurer.Name, 200);
            if (insurer.NaicNumber is { Length: > 20 })
            {
                errors.Add($"{path}.naicNumber", "At most 20 characters.");
            }

            BestRating? rating = null;
            if (!string.IsNullOrWhiteSpace(insurer.Rating))
            {
                var (parsed, refusal) = BestRating.Parse(insurer.Rating);
                if (refusal is not null)
                {
                    errors.Add($"{path}.rating", refusal.Message);
                }

                rating = parsed;
            }

            insurers.Add(new Insurer(letter ?? "", insurer.Name?.Trim() ?? "", insurer.NaicNumber?.Trim() ?? "", rating));
        }

        if (insurers.Count == 0)
        {
            errors.Add("insurers", "List at least one insurer affording coverage.");
        }

        var lines = new List<CertificateCoverage>();
        foreach (var (line, i) in (body.Coverages ?? []).Select((x, i) => (x, i)))
        {
            if (Line(line, $"coverages[{i}]", insurers, errors) is { } coverage)
            {
                lines.Add(coverage);
            }
        }

        if ((body.Coverages ?? []).Count == 0)
        {
            errors.Add("coverages", "Give at least one line of coverage.");
        }

        return errors.Any
            ? null
            : new InsuranceCertificate(Guid.NewGuid(), body.IssuedOn!.Value, producer!, insured!, insurers, lines, body.DescriptionOfOperations!.Trim(), holder!,
                body.CancellationNoticeDays!.Value, today);
    }

    private static CertificateParty? Party(PartyRequest? party, string path, FieldErrors errors)
    {
        errors.Text($"{path}.name", party?.Name, 200);
        errors.Text($"{path}.address", party?.Address, 500);
        return party?.Name is { } name && party.Address is { } address ? new CertificateParty(name.Trim(), address.Trim()) : null;
    }

    private static CertificateCoverage? Line(CoverageLineRequest line, string path, IReadOnlyList<Insurer> insurers, FieldErrors errors)
    {
        var before = errors.ToDictionary().Count;
        var letter = line.InsurerLetter?.Trim().ToUpperInvariant();
        if (letter is null || insurers.All(i => i.Letter != letter))
        {
            errors.Add($"{path}.insurerLetter", "Name the insurer of this line by a letter listed among the insurers.");
        }

        if (line.Kind is null)
        {
            errors.Add($"{path}.kind", "Say which line of insurance this is.");
        }

        errors.Text($"{path}.policyNumber", line.PolicyNumber, 100);
        if (line.Effective is null)
        {
            errors.Add($"{path}.effective", "Give the policy's effective date as printed.");
        }

        if (line.Expiration is null)
        {
            errors.Add($"{path}.expiration", "Give the policy's expiration date as printed.");
        }
        else if (line.Effective is { } effective && line.Expiration <= effective)
        {
            errors.Add($"{path}.expiration", "The expiration date must come after the effective date.");
        }

        var limits = new Dictionary<string, Money>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, amount) in line.Limits ?? new Dictionary<string, decimal>())
        {
            var known = KnownLimits.FirstOrDefault(k => string.Equals(k, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add($"{path}.limits", $"\"{name}\" is not a limit this form knows; use one of: {string.Join(", ", KnownLimits)}.");
            }
            else if (amount <= 0 || decimal.Round(amount, 2) != amount || amount > 1_000_000_000_000m)
            {
                errors.Add($"{path}.limits", $"The {known.ToLowerInvariant()} must be an amount in dollars and cents above zero.");
            }
            else if (!limits.TryAdd(known, Money.Dollars(amount)))
            {
                errors.Add($"{path}.limits", $"The {known.ToLowerInvariant()} is given twice.");
            }
        }

        if (line.ExtendedReportingEnds is not null && line.Basis != CoverageBasis.ClaimsMade)
        {
            errors.Add($"{path}.extendedReportingEnds", "Only a claims-made policy has an extended reporting period.");
        }

        if (errors.ToDictionary().Count != before)
        {
            return null;
        }

        return new CertificateCoverage(letter!, line.Kind!.Value, line.PolicyNumber!.Trim(), new PolicyPeriod(line.Effective!.Value, line.Expiration!.Value),
            limits, line.Statutory ?? false, line.AdditionalInsured ?? false, line.WaiverOfSubrogation ?? false, line.Basis ?? CoverageBasis.Occurrence,
            line.ExtendedReportingEnds);
    }
}
