using System.Threading.Channels;

namespace Chatobuy.Inbox.Events;

/// <summary>
/// The inbox's one event bus, in process: every producer publishes here after its commit (<see cref="MessageCreated"/>,
/// <see cref="MessageUpdated"/>, <see cref="ConversationUpdated"/>, <see cref="ChannelUpdated"/>, templates, presence)
/// and components, workers and the hub forwarder subscribe. Publishing never blocks and never throws into the
/// producer: each subscription has its own bounded queue (the oldest event is dropped when a subscriber falls
/// 1,024 events behind) and its handler runs on its own loop, one event at a time, with failures logged.
/// With several instances, events of the types marked <see cref="IInboxEvent"/> also arrive from the others
/// (see <see cref="RedisEventRelay"/>); they are delivered here but never published again.
/// </summary>
public sealed partial class InboxEvents(ILogger<InboxEvents> logger)
{
    private const int Backlog = 1024;

    private readonly Lock _lock = new();
    private readonly ILogger _logger = logger;
    private volatile Subscription[] _subscriptions = [];

    /// <summary>Tells every subscriber of this instance (and, through Redis, of the others).</summary>
    public void Publish<T>(T change)
        where T : class => Deliver(change, fromAnotherInstance: false);

    /// <summary>An event published by another instance: told to the subscribers that listen beyond this instance.</summary>
    public void DeliverFromAnotherInstance(object change) => Deliver(change, fromAnotherInstance: true);

    /// <summary>
    /// Calls <paramref name="handler"/> for every event of type <typeparamref name="T"/> until disposed. A component's
    /// handler goes through its <c>InvokeAsync</c>. <paramref name="ownInstanceOnly"/> leaves out events of other instances.
    /// </summary>
    public IDisposable Subscribe<T>(Func<T, Task> handler, bool ownInstanceOnly = false)
        where T : class => Add(typeof(T), e => handler((T)e), ownInstanceOnly);

    private void Deliver(object change, bool fromAnotherInstance)
    {
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Type.IsInstanceOfType(change) && !(fromAnotherInstance && subscription.OwnInstanceOnly))
            {
                subscription.Post(change);
            }
        }
    }

    private Subscription Add(Type type, Func<object, Task> handler, bool ownInstanceOnly)
    {
        var subscription = new Subscription(type, handler, ownInstanceOnly, this);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        subscription.Start();
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to {EventType} failed; the event is skipped")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to {EventType} fell behind; its oldest event was dropped")]
    private static partial void LogDropped(ILogger logger, string eventType);

    private sealed class Subscription(Type type, Func<object, Task> handler, bool ownInstanceOnly, InboxEvents owner) : IDisposable
    {
        private readonly Channel<object> _queue = Channel.CreateBounded<object>(
            new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => LogDropped(owner._logger, dropped.GetType().Name));

        private volatile bool _disposed;

        public Type Type { get; } = type;

        public bool OwnInstanceOnly { get; } = ownInstanceOnly;

        public void Post(object change) => _queue.Writer.TryWrite(change);

        public void Start() => _ = Task.Run(RunAsync);

        private async Task RunAsync()
        {
            await foreach (var change in _queue.Reader.ReadAllAsync())
            {
                // A disposed subscriber (a closed page) hears nothing more, not even what was queued.
                if (_disposed)
                {
                    return;
                }

                try
                {
                    await handler(change);
                }
                catch (Exception exception)
                {
                    LogHandlerFailed(owner._logger, exception, change.GetType().Name);
                }
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}
