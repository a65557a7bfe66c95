using Chatobuy.Inbox.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatobuy.Inbox.Features.Users;

public static class UsersExtensions
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/access-denied";
                options.Cookie.Name = "Chatobuy.Inbox.Auth";
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InboxDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Every page needs a signed-in user unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

        services.AddSingleton<SetupState>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PasswordSignIn>();
        services.AddSignInRateLimit();
        services.TryAddScoped<NewUserValidator>();
        return services;
    }

    public static WebApplication MapUsers(this WebApplication app)
    {
        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        });
        return app;
    }

    /// <summary>Until the first Admin exists, every page leads to the setup page.</summary>
    public static WebApplication UseSetupGate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var setup = context.RequestServices.GetRequiredService<SetupState>();
            var path = context.Request.Path;
            if (!SetupState.IsAlwaysReachable(path) && !await setup.HasUsersAsync(context.RequestAborted))
            {
                context.Response.Redirect("/setup");
                return;
            }

            await next(context);
        });
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // APIs and the SignalR hub answer with a status; pages are redirected. Another scheme may have answered already.
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
