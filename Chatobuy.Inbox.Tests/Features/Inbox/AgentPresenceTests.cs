using System.Security.Claims;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Inbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>An inbox tab's presence: what its agent is shown of the others, and what the others are shown of them.</summary>
public sealed class AgentPresenceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InboxEvents _events = new(NullLogger<InboxEvents>.Instance);
    private readonly PresenceTracker _tracker;
    private readonly AgentPresence _ada;

    public AgentPresenceTests()
    {
        _tracker = new PresenceTracker(_events, _time);
        // Without a user id the name is the sign-in name, so no database is asked.
        _ada = new AgentPresence(_tracker, _events, new People(null!), _time);
    }

    [Fact]
    public async Task Watch_AnotherAgentViews_ToldWithoutThisAgent()
    {
        var told = new TaskCompletionSource<PresenceEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = await WatchAsync(e => e.Viewers.Contains("Bob") ? told.TrySetResult(e) : false);
        _ada.View("listed", 1);

        _tracker.View("bob-tab", "Bob", "listed", 1);

        var presence = await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        presence.Viewers.ShouldBe(["Bob"]);
        _tracker.Of("listed", 1).Viewers.ShouldBe(["Ada", "Bob"]);
    }

    [Fact]
    public async Task Watch_ChannelNotListed_NotTold()
    {
        var told = new List<PresenceEvent>();
        var listed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = await WatchAsync(e =>
        {
            told.Add(e);
            return e.ChannelId == "listed" && listed.TrySetResult();
        });

        _tracker.View("bob-tab", "Bob", "elsewhere", 2);
        _tracker.View("cy-tab", "Cy", "listed", 1);

        // Events reach a subscriber in the order published.
        await listed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        told.ShouldAllBe(e => e.ChannelId == "listed");
    }

    [Fact]
    public async Task WatchDisposed_TheAgentLeavesTheConversation()
    {
        var watch = await WatchAsync(_ => true);
        _ada.View("listed", 1);

        watch.Dispose();

        _tracker.Of("listed", 1).Viewers.ShouldBeEmpty();
    }

    [Fact]
    public async Task Typing_KeysWithinThreeSeconds_ToldOnceSoItEndsSixSecondsAfterTheFirst()
    {
        using var watch = await WatchAsync(_ => true);
        _ada.View("listed", 1);

        _ada.Typing();
        _time.Advance(TimeSpan.FromSeconds(2));
        _ada.Typing();
        _time.Advance(TimeSpan.FromSeconds(5));

        _tracker.Of("listed", 1).Typing.ShouldBeEmpty();
        _ada.Typing();
        _tracker.Of("listed", 1).Typing.ShouldBe(["Ada"]);
    }

    private Task<IDisposable> WatchAsync(Func<PresenceEvent, bool> changed) =>
        _ada.WatchAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Ada")], "test")), channelId => channelId == "listed", e =>
        {
            changed(e);
            return Task.CompletedTask;
        }, CancellationToken.None);
}
