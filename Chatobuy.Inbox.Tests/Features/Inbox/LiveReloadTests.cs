using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Inbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>How an inbox page follows the events: only what it shows, one reload per burst, the chat only when it changed.</summary>
public sealed class LiveReloadTests : IDisposable
{
    private readonly InboxEvents _events = new(NullLogger<InboxEvents>.Instance);
    private readonly TaskCompletionSource _renderer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<bool> _reloads = [];
    private readonly LiveReload _live;
    private long? _open = 7;

    public LiveReloadTests() =>
        _live = new LiveReload(_events, channelId => channelId == "listed", () => _open, OnRendererAsync, openChanged =>
        {
            _reloads.Add(openChanged);
            return Task.CompletedTask;
        });

    public void Dispose() => _live.Dispose();

    [Fact]
    public async Task Changed_ConversationOfAnotherChannel_NoReload()
    {
        _renderer.SetResult();

        await _live.ChangedAsync("other", 3);

        _reloads.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changed_OpenConversationOnAChannelNotListed_ReloadsTheChat()
    {
        _renderer.SetResult();

        await _live.ChangedAsync("other", 7);

        _reloads.ShouldBe([true]);
    }

    [Fact]
    public async Task Changed_BurstWhileTheRendererIsBusy_OneReloadThatIncludesTheChat()
    {
        var first = _live.ChangedAsync("listed", 3);
        await _live.ChangedAsync("listed", 4);
        await _live.ChangedAsync("listed", 7);
        _reloads.ShouldBeEmpty();

        _renderer.SetResult();
        await first;

        _reloads.ShouldBe([true]);
    }

    [Fact]
    public async Task Changed_AfterAReload_ReloadsAgainAndTheChatOnlyWhenItChanged()
    {
        _renderer.SetResult();
        await _live.ChangedAsync("listed", 7);

        await _live.ChangedAsync("listed", 3);
        _open = null;
        await _live.ChangedAsync("listed", 7);

        _reloads.ShouldBe([true, false, false]);
    }

    [Fact]
    public async Task Published_MessageOfAListedChannel_ReachesThePage()
    {
        _renderer.SetResult();
        var reloaded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var live = new LiveReload(_events, channelId => channelId == "listed", () => null, work => work(), openChanged =>
        {
            reloaded.TrySetResult(openChanged);
            return Task.CompletedTask;
        });

        _events.Publish(new MessageCreated("listed", 3, 30));

        (await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeFalse();
    }

    [Fact]
    public async Task Published_DeliveryToTheOpenConversation_OneReloadOfTheChat()
    {
        _renderer.SetResult();
        var reloaded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var live = new LiveReload(_events, channelId => channelId == "listed", () => 8, work => work(), openChanged =>
        {
            reloaded.TrySetResult(openChanged);
            return Task.CompletedTask;
        });

        _events.Publish(new ConversationChanged("not listed", 9, [90, 91], []));
        _events.Publish(new ConversationChanged("not listed", 8, [80, 81, 82], [79]));

        (await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    private async Task OnRendererAsync(Func<Task> work)
    {
        await _renderer.Task;
        await work();
    }
}
