namespace FieldContracts.Web.Tests.Features.Shared;

/// <summary>Post/Redirect/Get as a browser sees it.</summary>
public static class Forms
{
    /// <summary>
    /// Asserts that a form's answer is a redirect to a GET of <paramref name="path"/> (never to a <c>?handler=</c> address,
    /// which a refresh would post again), follows it as the browser does, and returns the page.
    /// </summary>
    public static async Task<string> FollowRedirectAsync(HttpClient client, HttpResponseMessage response, string path)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
            $"Expected a redirect after a successful post, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!;
        var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        Assert.DoesNotContain("handler=", target, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(path, target.Split('#')[0].Split('?')[0]);
        using var page = await client.GetAsync(target);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
