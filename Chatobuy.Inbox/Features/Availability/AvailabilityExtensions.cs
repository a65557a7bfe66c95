using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Chatobuy.Inbox.Features.Availability;

public static class AvailabilityExtensions
{
    /// <summary>Agents' availability (Online · Busy · Offline); signing out makes an agent Offline.</summary>
    public static IServiceCollection AddAvailability(this IServiceCollection services)
    {
        services.AddOptions<AvailabilityOptions>().BindConfiguration(AvailabilityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AgentAvailability>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var signingOut = options.Events.OnSigningOut;
            options.Events.OnSigningOut = async context =>
            {
                if (context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId)
                {
                    await context.HttpContext.RequestServices.GetRequiredService<AgentAvailability>().SignedOutAsync(userId, context.HttpContext.RequestAborted);
                }

                await signingOut(context);
            };
        });
        return services;
    }
}
