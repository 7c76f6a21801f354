using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Web.Features.Shared;

/// <summary>
/// A photo kept by a form between posts, as one field value: <c>{sha256}/{file name}</c> (a file name has no slash).
/// </summary>
public static class PhotoField
{
    public static string Format(EvidencePhoto photo) => $"{photo.Sha256}/{photo.FileName}";

    /// <summary>The photo a field value refers to, or null for a value not of that form.</summary>
    public static PhotoReference? Parse(string? value)
    {
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash == 64 ? new PhotoReference(value![..64], value[65..]) : null;
    }
}
