namespace FieldContracts.Administration.Deficiencies;

/// <summary>
/// A photo given as evidence (of a complaint, of an inspection line). Its bytes are kept outside the database under
/// their SHA-256; this is what the record keeps of it.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes: where they are kept, and proof they never changed.</param>
/// <param name="FileName">The name the file had when it was taken or chosen; shown to people, never used as a path.</param>
/// <param name="ContentType">image/jpeg, image/png or image/heic, as the bytes say.</param>
/// <param name="SizeBytes">Its length in bytes.</param>
public sealed record EvidencePhoto(string Sha256, string FileName, string ContentType, long SizeBytes)
{
    /// <summary>At most six photos of one complaint or one inspection line, as of one visit.</summary>
    public const int MaxPerFinding = 6;
}

/// <summary>A photo kept with a deficiency in the register, never changed once written.</summary>
public sealed record DeficiencyPhoto(Guid Id, Guid DeficiencyId, string Sha256, string FileName, string ContentType, long SizeBytes);
