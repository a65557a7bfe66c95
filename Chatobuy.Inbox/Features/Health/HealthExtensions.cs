using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Health;

public static class HealthExtensions
{
    /// <summary><c>GET /healthz</c>: 200 with a small JSON status when the database answers, 503 otherwise.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async Task<IResult> (IDbContextFactory<InboxDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                if (await db.Database.CanConnectAsync(cancellationToken))
                {
                    return TypedResults.Ok(new HealthStatus("ok", "ok"));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Reported as unavailable below.
            }

            return TypedResults.Json(new HealthStatus("unavailable", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }

    public sealed record HealthStatus(string Status, string Database);
}
