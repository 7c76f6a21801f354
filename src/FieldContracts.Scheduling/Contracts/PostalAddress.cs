namespace FieldContracts.Scheduling.Contracts;

/// <summary>A street address in the United States.</summary>
public sealed record PostalAddress(string Street, string City, string State, string PostalCode)
{
    public override string ToString() => $"{Street}, {City}, {State} {PostalCode}";
}

/// <summary>A WGS 84 position in decimal degrees (north and east positive).</summary>
public sealed record GeoPoint(decimal Latitude, decimal Longitude)
{
    public bool IsValid => Latitude is >= -90m and <= 90m && Longitude is >= -180m and <= 180m;
}
