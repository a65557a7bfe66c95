using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Forwarding;
using Microsoft.AspNetCore.Http;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>The sender against a real receiver on loopback, stepped on a fake clock: order, retries, failures, pause, replay.</summary>
public sealed class ForwardingSenderTests
{
    [Fact]
    public async Task Events_OfOneConversation_ArriveInOrderWhileAnotherConversationFlows()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        var failedOnce = false;
        harness.Receiver.Answer = e =>
        {
            if (e["data"]!["label"]!.GetValue<string>() == "a1" && !failedOnce)
            {
                failedOnce = true;
                return StatusCodes.Status500InternalServerError;
            }

            return StatusCodes.Status200OK;
        };
        foreach (var (conversation, label) in new[] { (1L, "a1"), (2L, "b1"), (1L, "a2"), (2L, "b2"), (1L, "a3"), (2L, "b3") })
        {
            await harness.AddAsync(conversation, label);
        }

        await harness.RunOnceAsync();
        await harness.RunOnceAsync();
        await harness.RunOnceAsync();

        // Conversation 2 went on; conversation 1's next event waits for its first, which failed once.
        harness.Receiver.Accepted.Select(ForwardingHarness.Label).ShouldBe(["b1", "b2", "b3"]);
        harness.Receiver.Received.Select(ForwardingHarness.Label).ShouldNotContain("a2");

        harness.Clock.Advance(TimeSpan.FromSeconds(harness.Options.BaseDelaySeconds));
        await harness.DrainAsync(TimeSpan.FromSeconds(10));

        harness.Receiver.Accepted.Where(r => r.ConversationId == 1).Select(ForwardingHarness.Label).ShouldBe(["a1", "a2", "a3"]);
        harness.Receiver.Received.Select(ForwardingHarness.Label).ShouldBe(["a1", "b1", "b2", "b3", "a1", "a2", "a3"], ignoreOrder: true);
        (await harness.RowsAsync()).ShouldAllBe(r => r.State == ForwardingState.Delivered);
    }

    [Fact]
    public async Task ServerError_ThenOk_IsDeliveredOnTheRetryAfterTheBackoff()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        var calls = 0;
        harness.Receiver.Answer = _ => ++calls == 1 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        var queued = await harness.AddAsync(1, "only");

        (await harness.RunOnceAsync()).ShouldBe(1);
        var afterFirst = await harness.RowAsync(queued.Id);
        afterFirst.State.ShouldBe(ForwardingState.Pending);
        afterFirst.Attempts.ShouldBe(1);
        afterFirst.LastStatusCode.ShouldBe(500);
        afterFirst.LastResponse.ShouldBe("answer 500 from the test receiver");

        // The backoff (10 s, with jitter between half and all of it) has not passed: nothing is sent.
        harness.Clock.Advance(TimeSpan.FromSeconds(4));
        (await harness.RunOnceAsync()).ShouldBe(0);

        harness.Clock.Advance(TimeSpan.FromSeconds(6));
        (await harness.RunOnceAsync()).ShouldBe(1);
        var delivered = await harness.RowAsync(queued.Id);
        delivered.State.ShouldBe(ForwardingState.Delivered);
        delivered.Attempts.ShouldBe(2);
        delivered.LastStatusCode.ShouldBe(200);
        harness.Receiver.Received.Count.ShouldBe(2);
        harness.Receiver.Received.Select(r => r.EventId).Distinct().ShouldBe([queued.EventId]);
    }

    [Fact]
    public async Task ClientError_FailsAtOnce_IsNotRetried_AndTheConversationGoesOn()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        harness.Receiver.Answer = e => e["data"]!["label"]!.GetValue<string>() == "bad" ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        var bad = await harness.AddAsync(1, "bad");
        await harness.AddAsync(1, "next");

        await harness.RunOnceAsync();
        var failed = await harness.RowAsync(bad.Id);
        failed.State.ShouldBe(ForwardingState.Failed);
        failed.LastStatusCode.ShouldBe(400);

        harness.Clock.Advance(TimeSpan.FromDays(2));
        await harness.RunOnceAsync();
        await harness.RunOnceAsync();

        harness.Receiver.Received.Select(ForwardingHarness.Label).ShouldBe(["bad", "next"]);
        (await harness.Service.LogAsync(harness.Channel.Id, failedOnly: true, 1, 50))!.Items.Select(d => d.Id).ShouldBe([bad.Id]);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RetryableAnswers_AreRetried_UntilTheRetryWindowEnds(int status)
    {
        await using var harness = await ForwardingHarness.StartAsync(o => o.RetryHours = 2);
        harness.Receiver.Answer = _ => status;
        var queued = await harness.AddAsync(1, "x");

        await harness.DrainAsync(TimeSpan.FromMinutes(30));

        var row = await harness.RowAsync(queued.Id);
        row.State.ShouldBe(ForwardingState.Failed);
        row.Attempts.ShouldBeGreaterThan(3);
        row.LastResponse.ShouldStartWith($"Gave up after {row.Attempts} attempts");
        harness.Receiver.Received.Count.ShouldBe(row.Attempts);
    }

    [Fact]
    public async Task RunOfFailures_PausesTheEndpoint_AndResumeSendsWhatWaitedInOrder()
    {
        await using var harness = await ForwardingHarness.StartAsync(o => o.PauseAfterFailures = 3);
        harness.Receiver.Answer = _ => StatusCodes.Status502BadGateway;
        await harness.AddAsync(1, "c1-first");
        await harness.AddAsync(2, "c2-first");
        await harness.AddAsync(3, "c3-first");
        await harness.AddAsync(1, "c1-second");

        await harness.RunOnceAsync();

        var paused = await harness.PublishedAsync<ForwardingPaused>();
        paused.ChannelId.ShouldBe(harness.Channel.Id);
        paused.Url.ShouldBe(harness.Receiver.Url);
        paused.Failures.ShouldBe(3);
        paused.Reason.ShouldContain("502");
        await harness.PublishedAsync<ChannelUpdated>();
        var status = (await harness.Service.StatusAsync(harness.Channel.Id))!;
        status.IsPaused.ShouldBeTrue();
        status.Waiting.ShouldBe(4);

        // Paused: nothing is attempted, however long it waits.
        harness.Receiver.Answer = _ => StatusCodes.Status200OK;
        harness.Clock.Advance(TimeSpan.FromHours(3));
        (await harness.RunOnceAsync()).ShouldBe(0);
        harness.Receiver.Received.Count.ShouldBe(3);
        (await harness.RowsAsync()).ShouldAllBe(r => r.State == ForwardingState.Paused);

        (await harness.Service.ResumeAsync(harness.Channel.Id)).Succeeded.ShouldBeTrue();
        await harness.DrainAsync(TimeSpan.FromSeconds(10));

        harness.Receiver.Accepted.Select(ForwardingHarness.Label).ShouldBe(["c1-first", "c2-first", "c3-first", "c1-second"], ignoreOrder: true);
        harness.Receiver.Accepted.Where(r => r.ConversationId == 1).Select(ForwardingHarness.Label).ShouldBe(["c1-first", "c1-second"]);
        (await harness.Service.StatusAsync(harness.Channel.Id))!.IsPaused.ShouldBeFalse();
    }

    [Fact]
    public async Task Replay_SendsTheSameEventAgain_WithItsEventIdAndBody()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        var queued = await harness.AddAsync(1, "once");
        await harness.RunOnceAsync();

        var replay = await harness.Service.ReplayAsync(harness.Channel.Id, queued.Id);
        replay.Succeeded.ShouldBeTrue();
        replay.Delivery!.ReplayOf.ShouldBe(queued.Id);
        await harness.RunOnceAsync();

        var received = harness.Receiver.Accepted;
        received.Count.ShouldBe(2);
        received[1].EventId.ShouldBe(queued.EventId);
        received[1].Body.ShouldBe(received[0].Body);
        var log = (await harness.Service.LogAsync(harness.Channel.Id, failedOnly: false, 1, 50))!;
        log.Items.Select(d => d.State).ShouldBe(["delivered", "delivered"]);
        (await harness.Service.ReplayAsync(harness.Channel.Id, 999_999)).Error.ShouldBe("Delivery not found on this channel");
    }

    [Fact]
    public async Task ReceiverDown_ForAWhile_LosesNothing()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        await harness.Receiver.StopAsync();
        var labels = new[] { (1L, "a1"), (2L, "b1"), (1L, "a2"), (1L, "a3"), (2L, "b2") };
        foreach (var (conversation, label) in labels)
        {
            await harness.AddAsync(conversation, label);
        }

        // Down for about ten minutes of retries: connection refused each time.
        for (var i = 0; i < 5; i++)
        {
            await harness.RunOnceAsync();
            harness.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        var waiting = await harness.RowsAsync();
        waiting.ShouldAllBe(r => r.State == ForwardingState.Pending);
        waiting.Where(r => r.Attempts > 0).ShouldAllBe(r => r.LastStatusCode == null && r.LastResponse!.StartsWith("Could not connect"));

        await harness.Receiver.StartAgainAsync();
        await harness.DrainAsync(TimeSpan.FromMinutes(5));

        harness.Receiver.Accepted.Select(ForwardingHarness.Label).ShouldBe(labels.Select(l => l.Item2), ignoreOrder: true);
        harness.Receiver.Accepted.Where(r => r.ConversationId == 1).Select(ForwardingHarness.Label).ShouldBe(["a1", "a2", "a3"]);
        harness.Receiver.Accepted.Where(r => r.ConversationId == 2).Select(ForwardingHarness.Label).ShouldBe(["b1", "b2"]);
    }

    [Fact]
    public async Task EveryPost_IsSignedWithTheChannelsSecret_AndVerifies()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        var secret = (await harness.Service.RotateSecretAsync(harness.Channel.Id))!;
        var queued = await harness.AddAsync(7, "signed");

        await harness.RunOnceAsync();

        var received = harness.Receiver.Accepted.ShouldHaveSingleItem();
        received.EventId.ShouldBe(queued.EventId);
        ForwardingSignature.Verify(secret, received.Signature, received.Body, harness.Clock.GetUtcNow()).ShouldBeTrue();
        ForwardingSignature.Verify("another secret", received.Signature, received.Body, harness.Clock.GetUtcNow()).ShouldBeFalse();
        received.Json["id"]!.GetValue<string>().ShouldBe(queued.EventId);
        received.Json["type"]!.GetValue<string>().ShouldBe(ForwardingEventTypes.ConversationAssigned);
        received.Json["channelId"]!.GetValue<string>().ShouldBe(harness.Channel.Id);
        received.Json["conversationId"]!.GetValue<long>().ShouldBe(7);
    }

    [Fact]
    public void Backoff_DoublesWithJitter_UpToTheMaximum()
    {
        ForwardingSender.BackoffAfter(1, 10, 3600, jitter: 1).ShouldBe(TimeSpan.FromSeconds(10));
        ForwardingSender.BackoffAfter(1, 10, 3600, jitter: 0).ShouldBe(TimeSpan.FromSeconds(5));
        ForwardingSender.BackoffAfter(4, 10, 3600, jitter: 1).ShouldBe(TimeSpan.FromSeconds(80));
        ForwardingSender.BackoffAfter(40, 10, 3600, jitter: 1).ShouldBe(TimeSpan.FromHours(1));
    }
}
