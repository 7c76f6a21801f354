using System.Security.Claims;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FieldContracts.Web.Infrastructure;

public static class SecurityRegistration
{
    public const string ContractorClaim = "fc:contractor";

    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<FieldContractsDbContext>()
            .AddClaimsPrincipalFactory<FieldContractsClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "fieldcontracts.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            // The API answers with status codes; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(options =>
        {
            // Deny by default: an endpoint that names no policy still needs a signed-in user in one of the four roles.
            options.FallbackPolicy = new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireRole(Roles.All)
                .Build();
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "fieldcontracts.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Framing is refused on every answer, not only on forms: see SecurityHeaders.
            options.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    private static Task Answer(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The contractor a signed-in user works for, or null for City and school staff.</summary>
    public static Guid? ContractorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ContractorClaim), out var id) ? id : null;
}

/// <summary>Adds the user's contractor and display name to the sign-in cookie.</summary>
public sealed class FieldContractsClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("fc:display_name", user.DisplayName));
        if (user.ContractorId is { } contractorId)
        {
            identity.AddClaim(new Claim(SecurityRegistration.ContractorClaim, contractorId.ToString()));
        }

        return identity;
    }
}
