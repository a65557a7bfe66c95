using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Users;

/// <summary>
/// The sign-in form's per-client limit (ASP.NET Core's rate limiter, keyed by the client's IP address). Only the form's
/// POST counts; a refused attempt is answered 429 with the sign-in page saying to wait.
/// </summary>
public static class SignInRateLimit
{
    public const string PolicyName = "sign-in";

    /// <summary>Set on a request the limiter refused, so the sign-in page shows the message instead of signing in.</summary>
    public static readonly object RefusedKey = new();

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>()
            .BindConfiguration(SignInLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("page");
                }

                var options = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = TimeSpan.FromSeconds(options.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    public static bool WasRefused(HttpContext context) => context.Items.ContainsKey(RefusedKey);

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimit));
        logger.LogWarning("Refused a sign-in attempt: too many from one client address");
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The sign-in page itself answers, with the message and without signing anyone in.
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Items[RefusedKey] = true;
        if (context.GetEndpoint()?.RequestDelegate is { } page)
        {
            await page(context);
        }
    }
}
