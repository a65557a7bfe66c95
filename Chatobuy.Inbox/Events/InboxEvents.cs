namespace Chatobuy.Inbox.Events;

/// <summary>
/// The inbox's one event bus, in process: every producer publishes here after its commit (<see cref="ConversationChanged"/>,
/// <see cref="MessageCreated"/>, <see cref="MessageUpdated"/>, <see cref="ConversationUpdated"/>, <see cref="ChannelUpdated"/>,
/// templates, presence) and components, workers and the hub forwarder subscribe. Publishing never blocks and never throws
/// into the producer: a subscription's filter picks what it wants before anything is queued (a page hears only the
/// channels it lists), each subscription queues what it wants (the oldest event is dropped when a subscriber falls
/// 1,024 events behind) and its handler runs one event at a time, in order, with failures logged. An idle subscription
/// holds no queue, no loop and no thread: a loop is started on the thread pool when an event arrives and ends once the
/// queue is empty, so a thousand open pages cost a thousand small objects, not a thousand waiting loops.
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
    /// <paramref name="filter"/>, when given, runs on the publisher's thread before the event is queued: it must be quick
    /// and must not block (a set lookup, a field read); an event it refuses costs the subscriber nothing.
    /// </summary>
    public IDisposable Subscribe<T>(Func<T, Task> handler, bool ownInstanceOnly = false, Func<T, bool>? filter = null)
        where T : class =>
        Add(typeof(T), e => handler((T)e), ownInstanceOnly, filter is null ? null : e => filter((T)e));

    private void Deliver(object change, bool fromAnotherInstance)
    {
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Type.IsInstanceOfType(change) && !(fromAnotherInstance && subscription.OwnInstanceOnly) && subscription.Wants(change))
            {
                subscription.Post(change);
            }
        }
    }

    private Subscription Add(Type type, Func<object, Task> handler, bool ownInstanceOnly, Func<object, bool>? filter)
    {
        var subscription = new Subscription(type, handler, ownInstanceOnly, filter, this);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber's filter failed on {EventType}; the event is skipped for it")]
    private static partial void LogFilterFailed(ILogger logger, Exception exception, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to {EventType} fell behind; its oldest event was dropped")]
    private static partial void LogDropped(ILogger logger, string eventType);

    private sealed class Subscription(Type type, Func<object, Task> handler, bool ownInstanceOnly, Func<object, bool>? filter, InboxEvents owner) : IDisposable
    {
        // The subscriber's context, as a loop started by the subscriber would have had it.
        private readonly ExecutionContext? _context = ExecutionContext.Capture();
        private readonly Lock _lock = new();
        private Queue<object>? _queue;
        private bool _running;
        private bool _disposed;

        public Type Type { get; } = type;

        public bool OwnInstanceOnly { get; } = ownInstanceOnly;

        public bool Wants(object change)
        {
            try
            {
                return filter is null || filter(change);
            }
            catch (Exception exception)
            {
                LogFilterFailed(owner._logger, exception, change.GetType().Name);
                return false;
            }
        }

        /// <summary>Queues the event and starts the loop unless it is already running.</summary>
        public void Post(object change)
        {
            object? dropped = null;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _queue ??= new Queue<object>();
                if (_queue.Count == Backlog)
                {
                    dropped = _queue.Dequeue();
                }

                _queue.Enqueue(change);
                var start = !_running;
                _running = true;
                if (start)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(static s => s.Start(), this, preferLocal: false);
                }
            }

            if (dropped is not null)
            {
                LogDropped(owner._logger, dropped.GetType().Name);
            }
        }

        private void Start()
        {
            if (_context is null)
            {
                _ = RunAsync();
            }
            else
            {
                ExecutionContext.Run(_context, static s => _ = ((Subscription)s!).RunAsync(), this);
            }
        }

        private async Task RunAsync()
        {
            while (true)
            {
                object? change;
                lock (_lock)
                {
                    // A disposed subscriber (a closed page) hears nothing more, not even what was queued.
                    if (_disposed || _queue is null || !_queue.TryDequeue(out change))
                    {
                        _running = false;
                        return;
                    }
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
            lock (_lock)
            {
                _disposed = true;
                _queue = null;
            }

            owner.Remove(this);
        }
    }
}
