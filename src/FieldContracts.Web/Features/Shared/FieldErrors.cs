namespace FieldContracts.Web.Features.Shared;

/// <summary>Errors found in a request or a form, by the path of the field they concern, in the order found.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Whether an error is recorded at <paramref name="path"/>.</summary>
    public bool Has(string path) => _errors.ContainsKey(path);

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }

        messages.Add(message);
    }

    public void Text(string path, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "This is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(path, $"At most {maxLength} characters.");
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
