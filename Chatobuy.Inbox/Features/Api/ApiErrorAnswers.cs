using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace Chatobuy.Inbox.Features.Api;

/// <summary>
/// Makes every refusal under <c>/api/v1</c> an <see cref="ApiError"/> body: a path or id no endpoint matches (404), a
/// method the path does not take (405), a body that is not JSON (415) or not valid JSON (400), in every environment.
/// Requests that match no endpoint are checked against the API key first (401 without one), so the sign-in cookie's
/// rules never answer for the API.
/// </summary>
public static class ApiErrorAnswers
{
    public const string PathPrefix = "/api/v1";
    public const string NotFoundMessage = "Not found: nothing in this API answers that path (check the resource and its id).";
    public const string MethodNotAllowedMessage = "This path does not take that HTTP method.";
    public const string UnsupportedMediaTypeMessage = "Send the body as JSON with Content-Type: application/json.";
    public const string InvalidJsonMessage = "The body is not valid JSON: send a JSON object with Content-Type: application/json.";

    // Relaxed escaping so messages read as written in curl ("<key>", not "\u003Ckey\u003E").
    internal static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static WebApplication UseIntegrationApiErrors(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix), api => api.Use(AnswerAsync));
        return app;
    }

    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), ErrorJson, context.RequestAborted);
    }

    private static async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        // Routing found no endpoint (null), or only one of its own refusals (a plain Endpoint for 405 or 415).
        if (context.GetEndpoint() is not RouteEndpoint)
        {
            await AnswerUnmatchedAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Development throws what Production answers as an empty 400 or 415: both get the same body.
            context.Response.Clear();
            await WriteAsync(context, exception.StatusCode, MessageFor(exception.StatusCode));
            return;
        }

        if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null, ContentType: null })
        {
            await WriteAsync(context, context.Response.StatusCode, MessageFor(context.Response.StatusCode));
        }
    }

    private static async Task AnswerUnmatchedAsync(HttpContext context)
    {
        var caller = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (!caller.Succeeded)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            return;
        }

        var status = StatusCodes.Status404NotFound;
        if (context.GetEndpoint() is { RequestDelegate: { } refusal })
        {
            // Routing's own refusal sets the status (405 with its Allow header, or 415); the body is ours.
            await refusal(context);
            status = context.Response.StatusCode;
        }

        await WriteAsync(context, status, MessageFor(status));
    }

    private static string MessageFor(int status) => status switch
    {
        StatusCodes.Status404NotFound => NotFoundMessage,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowedMessage,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaTypeMessage,
        StatusCodes.Status400BadRequest => InvalidJsonMessage,
        _ => "The request was refused.",
    };
}
