using System.Text.Json.Serialization;
using Chatobuy.Inbox.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Health;

public static partial class HealthExtensions
{
    /// <summary>How long the check waits for a locked database before it reports it.</summary>
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>GET /healthz</c>: 200 with a small JSON status when the database takes a write, 503 with a plain reason
    /// otherwise (locked by another process, read-only, full, unreachable). The write is made in a transaction that
    /// is rolled back, so the check leaves nothing behind.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async Task<IResult> (IDbContextFactory<InboxDbContext> dbFactory, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var reason = await CheckWriteAsync(dbFactory, cancellationToken);
            if (reason is null)
            {
                return TypedResults.Ok(new HealthStatus("ok", "ok"));
            }

            LogUnhealthy(loggers.CreateLogger(typeof(HealthExtensions).FullName!), reason);
            return TypedResults.Json(new HealthStatus("unavailable", "unavailable", reason), statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Null when the database took a write; otherwise why not, in plain words.</summary>
    private static async Task<string?> CheckWriteAsync(IDbContextFactory<InboxDbContext> dbFactory, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Database.SetBusyTimeout(WriteTimeout);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" """, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ReasonOf(exception);
        }
    }

    private static string ReasonOf(Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException)?.SqliteErrorCode switch
        {
            5 or 6 => $"The database is locked: it did not take a write within {WriteTimeout.TotalSeconds:0} seconds.",
            8 => "The database is read-only: it cannot take a write.",
            13 => "The disk holding the database is full.",
            14 => "The database file cannot be opened.",
            10 => "The disk holding the database reported an I/O error.",
            11 or 26 => "The database file is damaged.",
            _ => "The database did not take a write.",
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check failed: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string reason);

    public sealed record HealthStatus(
        string Status,
        string Database,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);
}
