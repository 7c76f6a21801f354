using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Web.Features.Shared;

/// <summary>
/// A photo (or a document) kept by a form between posts, as one field value: <c>{sha256}/{file name}</c> (a file name has
/// no slash).
/// </summary>
public static class PhotoField
{
    public static string Format(EvidencePhoto photo) => Format(photo.Sha256, photo.FileName);

    /// <summary>The field value of a stored file (a photo, a document) by its SHA-256 and its name.</summary>
    public static string Format(string sha256, string fileName) => $"{sha256}/{Path.GetFileName(fileName)}";

    /// <summary>The photo a field value refers to, or null for a value not of that form.</summary>
    public static PhotoReference? Parse(string? value)
    {
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash == 64 ? new PhotoReference(value![..64], value[65..]) : null;
    }
}
