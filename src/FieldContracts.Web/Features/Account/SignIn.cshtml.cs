using System.ComponentModel.DataAnnotations;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, ILogger<SignInModel> logger)
    : PageModel
{
    /// <summary>
    /// One message for every failure (unknown email, wrong password, locked account), so the form
    /// never tells anyone whether an account exists.
    /// </summary>
    public const string FailureMessage =
        "The email or password is not right. After 5 failed attempts an account is locked for 15 minutes.";

    // Verified against when the email is unknown, so that answer takes as long as a wrong password.
    private static readonly string UnknownUserHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email!);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser(), UnknownUserHash, Input.Password!);
            Failed = true;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            if (result.IsLockedOut)
            {
                logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
            }

            Failed = true;
            return Page();
        }

        if (Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/")
        {
            return LocalRedirect(ReturnUrl!);
        }

        // Everyone's day starts at the home page, with a section for each of their roles.
        return LocalRedirect("/");
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter an email address.")]
        [StringLength(256)]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(200)]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
