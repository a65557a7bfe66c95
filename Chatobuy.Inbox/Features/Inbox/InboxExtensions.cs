using Chatobuy.Inbox.Features.Api;
using Microsoft.AspNetCore.Identity;

namespace Chatobuy.Inbox.Features.Inbox;

public static class InboxExtensions
{
    /// <summary>Signs in with the API key when a Bearer header is sent, else with the sign-in cookie (one challenge either way).</summary>
    public const string CookieOrApiKeyScheme = "CookieOrApiKey";

    public static IServiceCollection AddInbox(this IServiceCollection services, IConfiguration configuration)
    {
        // Several instances share hub events through the SignalR Redis backplane when a connection string is configured.
        var signalR = services.AddSignalR();
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("chatobuy-inbox"));
        }

        services.AddHostedService<InboxHubForwarder>();
        services.AddHostedService<SnoozeWaker>();
        services.AddSingleton<PresenceTracker>();
        services.AddScoped<InboxService>();
        services.AddScoped<ReadReceipts>();
        services.AddScoped<CustomerTypingIndicator>();
        services.AddScoped<AgentPresence>();
        services.AddSingleton<ConversationQueries>();
        services.AddSingleton<ProductNames>();

        services.AddAuthentication()
            .AddPolicyScheme(CookieOrApiKeyScheme, "Sign-in cookie or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        return services;
    }

    public static WebApplication MapInbox(this WebApplication app)
    {
        app.MapHub<InboxHub>(InboxHub.Path);
        return app;
    }
}
