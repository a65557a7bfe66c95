using Chatobuy.Inbox.Features.Outbound;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatobuy.Inbox.Features.Api;

public static class ApiExtensions
{
    public static IServiceCollection AddIntegrationApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        services.TryAddScoped<NewApiKeyValidator>();

        // Adds a scheme only; the default scheme (the Identity cookie) stays as the Users feature set it.
        services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.ApiKey, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return services;
    }

    /// <summary>The integration API under <c>/api/v1</c>: API keys only (never the sign-in cookie), no antiforgery.</summary>
    public static WebApplication MapIntegrationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiPolicies.ApiKey)
            .DisableAntiforgery();
        api.MapChannelsEndpoints();
        api.MapConversationsEndpoints();
        api.MapOutboundEndpoints();
        api.MapProfileEndpoints();
        return app;
    }
}

public static class ApiPolicies
{
    public const string ApiKey = "ApiKey";
}
