using Chatobuy.Inbox.Features.Api;
using Microsoft.AspNetCore.Identity;

namespace Chatobuy.Inbox.Features.Inbox;

public static class InboxExtensions
{
    /// <summary>Signs in media requests with the API key when a Bearer header is sent, else with the sign-in cookie.</summary>
    public const string MediaScheme = "InboxMedia";

    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaWorkerSignal>();
        services.AddSingleton<Webhooks.IIngestionObserver, MediaIngestionObserver>();
        services.AddHostedService<MediaDownloadWorker>();
        services.AddSingleton<ConversationQueries>();

        services.AddAuthentication()
            .AddPolicyScheme(MediaScheme, "Sign-in cookie or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        return services;
    }
}
