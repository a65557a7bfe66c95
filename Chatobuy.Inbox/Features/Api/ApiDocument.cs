using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Chatobuy.Inbox.Features.Api;

/// <summary>
/// The OpenAPI document of <c>/api/v1</c>, at <c>/openapi/v1.json</c>: only the integration API's routes (no pages,
/// webhooks or Sandbox), and the API key as an HTTP bearer scheme every operation requires.
/// </summary>
public sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string Name = "v1";
    public const string Path = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";

    /// <summary>The reference page itself: Scalar answers <see cref="ReferencePath"/> with a redirect to it.</summary>
    public const string ReferencePage = ReferencePath + "/";

    public static bool Includes(string? relativePath) =>
        relativePath is not null && relativePath.StartsWith(ApiErrorAnswers.PathPrefix[1..] + "/", StringComparison.Ordinal);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Chatobuy Inbox API",
            Version = Name,
            Description = "The integration API of the inbox. Create a key on the API keys page and send it as Authorization: Bearer <key>.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from the API keys page, sent as Authorization: Bearer <key>.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
