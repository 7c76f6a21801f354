using NodaTime;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>A sport season as requests and the contract document give it: the sport, and its first and last day each year.</summary>
public sealed record SportSeasonDocument(string? Sport, AnnualDate? From, AnnualDate? To);
