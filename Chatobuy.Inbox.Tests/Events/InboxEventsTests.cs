using Chatobuy.Inbox.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Events;

/// <summary>The in-process bus: what a subscriber is told, and that a stuck or failing one holds up no one.</summary>
public sealed class InboxEventsTests
{
    private readonly InboxEvents _events = new(NullLogger<InboxEvents>.Instance);

    [Fact]
    public async Task Publish_StuckAndFailingSubscribers_ProducerAndOthersCarryOn()
    {
        var stuck = new TaskCompletionSource();
        using var slow = _events.Subscribe<MessageCreated>(_ => stuck.Task);
        using var failing = _events.Subscribe<MessageCreated>(_ => throw new InvalidOperationException("a broken page"));
        var last = new TaskCompletionSource<MessageCreated>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var healthy = _events.Subscribe<MessageCreated>(e =>
        {
            if (e.MessageId == 5000)
            {
                last.TrySetResult(e);
            }

            return Task.CompletedTask;
        });

        // Far more than a subscriber's backlog: the producer is never held up by the stuck one.
        for (var id = 1; id <= 5000; id++)
        {
            _events.Publish(new MessageCreated("c1", 7, id));
        }

        (await last.Task.WaitAsync(TimeSpan.FromSeconds(10))).ConversationId.ShouldBe(7);
        stuck.SetResult();
    }

    [Fact]
    public async Task Subscribe_OtherTypesAndDisposed_AreNotTold()
    {
        var told = new List<object>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _events.Subscribe<ConversationUpdated>(e =>
        {
            lock (told)
            {
                told.Add(e);
            }

            first.TrySetResult();
            return Task.CompletedTask;
        });

        _events.Publish(new MessageCreated("c1", 1, 1));
        _events.Publish(new ConversationUpdated("c1", 1));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        subscription.Dispose();
        var later = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var probe = _events.Subscribe<ConversationUpdated>(_ =>
        {
            later.TrySetResult();
            return Task.CompletedTask;
        });
        _events.Publish(new ConversationUpdated("c1", 2));
        await later.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (told)
        {
            told.ShouldBe([new ConversationUpdated("c1", 1)]);
        }
    }

    [Fact]
    public async Task DeliverFromAnotherInstance_OwnInstanceOnlySubscriber_IsNotTold()
    {
        var local = new List<long>();
        var ownArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ownOnly = _events.Subscribe<MessageCreated>(e =>
        {
            lock (local)
            {
                local.Add(e.MessageId);
            }

            if (e.MessageId == 2)
            {
                ownArrived.TrySetResult();
            }

            return Task.CompletedTask;
        }, ownInstanceOnly: true);
        var remoteArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var all = _events.Subscribe<MessageCreated>(e =>
        {
            if (e.MessageId == 1)
            {
                remoteArrived.TrySetResult();
            }

            return Task.CompletedTask;
        });

        // One queue per subscriber, in order: had the remote event reached it, it would come before the own one.
        _events.DeliverFromAnotherInstance(new MessageCreated("c1", 1, 1));
        _events.Publish(new MessageCreated("c1", 1, 2));
        await remoteArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await ownArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (local)
        {
            local.ShouldBe([2L]);
        }
    }

    [Fact]
    public async Task Subscribe_WithFilter_HearsOnlyWhatTheFilterTakes()
    {
        var told = new List<long>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = _events.Subscribe<IConversationEvent>(e =>
        {
            lock (told)
            {
                told.Add(e.ConversationId);
            }

            if (e.ConversationId == 4)
            {
                last.TrySetResult();
            }

            return Task.CompletedTask;
        }, filter: e => e.ChannelId == "listed");

        _events.Publish(new ConversationChanged("other", 1, [10], []));
        _events.Publish(new ConversationChanged("listed", 2, [20], []));
        _events.Publish(new MessageUpdated("other", 3, 30));
        _events.Publish(new ConversationUpdated("listed", 4));
        await last.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (told)
        {
            told.ShouldBe([2L, 4L]);
        }
    }

    [Fact]
    public async Task Subscribe_FailingFilter_SkipsThatSubscriberOnly()
    {
        var healthyTold = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var brokenTold = false;
        using var broken = _events.Subscribe<ConversationUpdated>(_ =>
        {
            brokenTold = true;
            return Task.CompletedTask;
        }, filter: _ => throw new InvalidOperationException("a broken filter"));
        using var healthy = _events.Subscribe<ConversationUpdated>(e =>
        {
            healthyTold.TrySetResult(e.ConversationId);
            return Task.CompletedTask;
        });

        _events.Publish(new ConversationUpdated("c1", 9));

        (await healthyTold.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(9);
        brokenTold.ShouldBeFalse();
    }

    [Fact]
    public async Task Subscribe_SlowHandler_EventsOneAtATimeInOrder()
    {
        var told = new List<long>();
        var running = 0;
        var overlapped = false;
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _events.Subscribe<MessageCreated>(async e =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            if (e.MessageId % 7 == 0)
            {
                await Task.Yield();
            }

            told.Add(e.MessageId);
            Interlocked.Decrement(ref running);
            if (e.MessageId == 500)
            {
                last.TrySetResult();
            }
        });

        // Published from several threads in turn: the loop starts, runs dry and starts again many times.
        for (var id = 1; id <= 500; id++)
        {
            var change = new MessageCreated("c1", 1, id);
            await Task.Run(() => _events.Publish(change));
        }

        await last.Task.WaitAsync(TimeSpan.FromSeconds(10));
        overlapped.ShouldBeFalse();
        told.ShouldBe(Enumerable.Range(1, 500).Select(i => (long)i));
    }
}
