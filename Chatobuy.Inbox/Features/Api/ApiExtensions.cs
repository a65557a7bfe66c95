using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

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

        services.AddOpenApi(ApiDocument.Name, options =>
        {
            options.ShouldInclude = description => ApiDocument.Includes(description.RelativePath);
            options.AddDocumentTransformer<ApiDocument>();
        });
        return services;
    }

    /// <summary>
    /// The one <c>/api/v1</c> group, API keys only (never the sign-in cookie), no antiforgery: each feature maps its
    /// own routes on it. Also publishes the OpenAPI document and the API reference page, which need no key.
    /// </summary>
    public static RouteGroupBuilder MapApiV1(this WebApplication app)
    {
        app.MapOpenApi(ApiDocument.Path).AllowAnonymous();
        app.MapScalarApiReference(ApiDocument.ReferencePath, options => options
                .WithTitle("Chatobuy Inbox API")
                .WithOpenApiRoutePattern(ApiDocument.Path)
                .DisableDefaultFonts())
            .AllowAnonymous();

        return app.MapGroup(ApiErrorAnswers.PathPrefix)
            .RequireAuthorization(ApiPolicies.ApiKey)
            .DisableAntiforgery()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ApiError), ["application/json"]));
    }
}
