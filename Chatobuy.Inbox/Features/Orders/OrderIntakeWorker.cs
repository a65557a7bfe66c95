using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// Makes orders of carts off the webhook's hot path: it hears the committed deliveries of this instance
/// (<see cref="ConversationChanged"/> with the messages they created) and hands the new message ids to
/// <see cref="OrderIntake"/>; at start-up it first sweeps up carts stored without an order (a stop between the
/// message's commit and its order).
/// </summary>
public sealed partial class OrderIntakeWorker(OrderIntake intake, InboxEvents events, ILogger<OrderIntakeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribed before the sweep, so a cart that arrives meanwhile is taken by one or the other (the unique key keeps it one).
        using var subscription = events.Subscribe<ConversationChanged>(
            change => TakeAsync(change.Created, stoppingToken),
            ownInstanceOnly: true,
            filter: change => change.Created.Count > 0);
        try
        {
            await intake.SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            LogSweepFailed(exception);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task TakeAsync(IReadOnlyList<long> created, CancellationToken stoppingToken)
    {
        try
        {
            await intake.TakeAsync(created, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start's sweep takes what is left.
        }
        catch (Exception exception)
        {
            LogTakeFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up sweep for carts without an order failed; the next start tries again")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orders could not be made of new carts; the next start's sweep makes them")]
    private partial void LogTakeFailed(Exception exception);
}
