using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// Reads a JSON request body and, when it cannot be read, says where and why in a 400 problem
/// (the framework's own binder answers a bare 400 that tells the caller nothing).
/// </summary>
public static class JsonBody
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
            return (null, Invalid(ex.Path is { Length: > 0 } path ? path : "$", Describe(ex)));
        }
    }

    public static ValidationProblem Invalid(string path, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] },
            title: "The request is not valid.");

    private static string Describe(JsonException ex) =>
        // Our converters throw with a sentence of their own; System.Text.Json's messages name .NET types.
        ex.InnerException is null && ex.Message.StartsWith("Expected", StringComparison.Ordinal)
            ? ex.Message
            : ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)
                ? "This request has no such member: check its spelling against the API's description."
                : ex.Path is null ? "The body is not well-formed JSON." : "This value is not of the expected type or form.";
}
