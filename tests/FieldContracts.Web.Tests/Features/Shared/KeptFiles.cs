using System.Text.RegularExpressions;

namespace FieldContracts.Web.Tests.Features.Shared;

/// <summary>A file kept by a refused form, as the re-rendered form shows it: "Kept: name" beside a ticked box carrying its token.</summary>
public static class KeptFiles
{
    /// <summary>Asserts that the form shows <paramref name="fileName"/> as kept in <paramref name="field"/>, and returns the token it sends back.</summary>
    public static string TokenOf(string html, string field, string fileName)
    {
        var kept = Regex.Match(html,
            $"<input type=\"checkbox\" name=\"{Regex.Escape(field)}\" value=\"([^\"]+)\" checked[^>]*>\\s*Kept: {Regex.Escape(fileName)} ");
        Assert.True(kept.Success, $"The form does not show {fileName} as kept in {field}.");
        Assert.DoesNotContain("attach it again", html);
        return WebUtility.HtmlDecode(kept.Groups[1].Value);
    }

    /// <summary>Asserts that the form shows no file kept in <paramref name="field"/>.</summary>
    public static void NoneIn(string html, string field) => Assert.DoesNotContain($"name=\"{field}\"", html);
}
