using System.Text.RegularExpressions;
using FieldContracts.Web.Features.Shared;

namespace FieldContracts.Web.Tests.Features.Shared;

/// <summary>
/// How a refused form reads, the same on every page: a summary whose entry names the field in the words of its label and
/// links to it, the field marked invalid and pointing at its error, the error next to it. Pages are read HTML-decoded.
/// </summary>
internal static class RefusedForm
{
    /// <summary>
    /// Asserts that the form's field at <paramref name="key"/> is refused with <paramref name="message"/>, and returns the
    /// field's element (its opening tag), for what it still holds.
    /// </summary>
    public static string AssertMarked(string html, string key, string label, string message)
    {
        var id = FormErrors.FieldId(key);
        Assert.Contains($"<a href=\"#{id}\">{label}: {message}</a>", html, StringComparison.Ordinal);
        var field = Regex.Match(html, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(field.Success, $"No field has the id {id} that the summary links to.");
        Assert.Contains("aria-invalid=\"true\"", field.Value, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"{id}-error\"", field.Value, StringComparison.Ordinal);
        Assert.Matches($"<span id=\"{Regex.Escape(id)}-error\" class=\"field-error field-validation-error\">[^<]*{Regex.Escape(message)}", html);
        return field.Value;
    }

    /// <summary>
    /// Asserts that the field whose id is <paramref name="id"/> is marked invalid and described by the error beside it,
    /// which says <paramref name="message"/>, and that a summary links to it (whatever its label).
    /// </summary>
    public static void AssertMarked(string html, string id, string message)
    {
        Assert.Contains($"<a href=\"#{id}\">", html, StringComparison.Ordinal);
        var field = Field(html, id);
        Assert.Contains("aria-invalid=\"true\"", field, StringComparison.Ordinal);
        Assert.Matches($"aria-describedby=\"([^\"]* )?{Regex.Escape(id)}-error\"", field);
        Assert.Matches($"id=\"{Regex.Escape(id)}-error\"[^>]*>{Regex.Escape(message)}<", html);
    }

    /// <summary>The opening tag of the input, select or textarea whose id is <paramref name="id"/>.</summary>
    public static string Field(string html, string id)
    {
        var field = Regex.Match(html, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(field.Success, $"No field {id}.");
        return field.Value;
    }

    /// <summary>The form with <c>data-testid="{testId}"</c>, from its opening tag to its end.</summary>
    public static string Form(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no form {testId}.");
        start = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        return html[start..(html.IndexOf("</form>", start, StringComparison.Ordinal) + "</form>".Length)];
    }

    /// <summary>How many error summaries the page shows: one, in the form that was posted, when a form is refused.</summary>
    public static int Summaries(string html) => Regex.Count(html, "data-testid=\"error-summary\"");
}
