using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Errors;

/// <summary>The page shown for an error status; it names nothing about what was asked for.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "There is nothing here that you can see."),
            400 => ("That request could not be read", "Please go back and try again."),
            _ => ("Something went wrong", "The problem has been logged. Please try again in a moment."),
        };
    }
}
