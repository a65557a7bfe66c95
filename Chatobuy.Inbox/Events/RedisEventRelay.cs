using System.Text.Json;
using StackExchange.Redis;

namespace Chatobuy.Inbox.Events;

/// <summary>
/// With <c>ConnectionStrings:Redis</c>, carries the <see cref="IInboxEvent"/>s of this instance to the others over
/// Redis pub/sub, and theirs to this instance's subscribers. An event comes back to its own instance and is skipped there.
/// Sending goes through a subscription of its own, so a slow or absent Redis never holds up a producer.
/// </summary>
public sealed partial class RedisEventRelay(string configuration, InboxEvents events, ILogger<RedisEventRelay> logger) : IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Topic = RedisChannel.Literal("chatobuy-inbox:events");

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? _redis;
    private IDisposable? _outgoing;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var subscriber = _redis.GetSubscriber();
        await subscriber.SubscribeAsync(Topic, (_, value) => Receive(value));
        _outgoing = events.Subscribe<IInboxEvent>(change => subscriber.PublishAsync(Topic, Write(change)), ownInstanceOnly: true);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _outgoing?.Dispose();
        return Task.CompletedTask;
    }

    private string Write(IInboxEvent change) =>
        JsonSerializer.Serialize(new Envelope(_instance, change.GetType().FullName!, JsonSerializer.SerializeToElement(change, change.GetType())));

    private void Receive(RedisValue value)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(value.ToString());
            if (envelope is null || envelope.Instance == _instance)
            {
                return;
            }

            // Only our own event types are ever read back.
            var type = typeof(IInboxEvent).Assembly.GetType(envelope.Type);
            if (type is null || !typeof(IInboxEvent).IsAssignableFrom(type) || envelope.Event.Deserialize(type) is not { } change)
            {
                LogUnknown(logger, envelope.Type);
                return;
            }

            events.DeliverFromAnotherInstance(change);
        }
        catch (JsonException exception)
        {
            LogUnreadable(logger, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outgoing?.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private sealed record Envelope(string Instance, string Type, JsonElement Event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event of unknown type {EventType} came over Redis and was skipped")]
    private static partial void LogUnknown(ILogger logger, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unreadable event came over Redis and was skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
