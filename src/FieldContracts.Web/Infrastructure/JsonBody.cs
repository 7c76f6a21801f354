using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// Reads a JSON request body and, when it cannot be read, says where and why in a 400 problem
/// (the framework's own binder answers a bare 400 that tells the caller nothing).
/// </summary>
public static partial class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request body must be JSON.",
                detail: "Send Content-Type: application/json."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonConfiguration.Options, cancellationToken);
            return value is null
                ? (null, Invalid("$", "The request body is empty."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(ex.Path is { Length: > 0 } path ? path : "$", Describe(ex, typeof(T))));
        }
    }

    /// <summary>
    /// Reads <paramref name="json"/> as the API reads a request body (a page's upload of the same document); when it
    /// cannot be read, the JSON path and the reason the API's 400 would give.
    /// </summary>
    public static (T? Value, string? Path, string? Message) Parse<T>(string json)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, JsonConfiguration.Options);
            return value is null ? (null, "$", "The document is empty.") : (value, null, null);
        }
        catch (JsonException ex)
        {
            return (null, ex.Path is { Length: > 0 } path ? path : "$", Describe(ex, typeof(T)));
        }
    }

    public static ValidationProblem Invalid(string path, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] },
            title: "The request is not valid.");

    private static string Describe(JsonException ex, Type body) =>
        // System.Text.Json's messages name .NET types: a value at a member of a NodaTime type is told its form instead,
        // unless the JSON text itself is broken there (the reader's own exception).
        ex.InnerException is not JsonException && TypeAt(body, ex.Path, JsonConfiguration.Options) is { } type
                                               && ApiNodaTimeJson.ExpectedForm(type) is { } expected
            ? expected
            : ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)
                ? "This request has no such member: check its spelling against the API's description."
                : ex.Path is null ? "The body is not well-formed JSON." : "This value is not of the expected type or form.";

    /// <summary>
    /// The type of what a JSON path such as <c>$.heights[1].after</c> reaches in a <paramref name="root"/> as
    /// <paramref name="options"/> read it; null when the path reaches no member.
    /// </summary>
    private static Type? TypeAt(Type root, string? path, JsonSerializerOptions options)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        Type? type = root;
        var end = 1;
        for (var step = PathStep().Match(path, end); step.Success && type is not null; step = step.NextMatch())
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            var name = step.Groups["name"];
            type = (name.Success, info.Kind) switch
            {
                (true, JsonTypeInfoKind.Object) => info.Properties.FirstOrDefault(p => string.Equals(p.Name, name.Value, comparison))?.PropertyType,
                (true, JsonTypeInfoKind.Dictionary) or (false, JsonTypeInfoKind.Enumerable) => info.ElementType,
                _ => null,
            };
            end = step.Index + step.Length;
        }

        return end == path.Length ? type : null;
    }

    [GeneratedRegex(@"\G(?:\.(?<name>[^.\[]+)|\[[0-9]+\])")]
    private static partial Regex PathStep();
}
