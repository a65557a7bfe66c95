using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Features.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>The outbound pipeline from <see cref="OutboundService"/> through <see cref="OutboundSender"/> to a fake Graph API.</summary>
public sealed class OutboundSenderTests : IAsyncLifetime
{
    private const string Customer = "15550001111";
    // Whole seconds: the database stores times to about a millisecond.
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private OutboundHarness _harness = default!;
    private long _conversationId;

    public async Task InitializeAsync()
    {
        _harness = await OutboundHarness.StartAsync(_time);
        _conversationId = await _harness.AddConversationAsync(Customer, _time.Now.AddMinutes(-5));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Send_Text_SentWithWamidAndCallbackData()
    {
        var queued = await SendTextAsync("Hello Ana", "c-1");

        var before = await _harness.MessageAsync(queued);
        before.Status.ShouldBe(MessageStatus.Pending);
        before.Direction.ShouldBe(MessageDirection.Outbound);
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(1);

        var message = await _harness.MessageAsync(queued);
        message.WaMessageId.ShouldBe("wamid.fake1");
        message.Status.ShouldBe(MessageStatus.Sent);
        var outbox = (await _harness.OutboxAsync(queued)).ShouldHaveSingleItem();
        outbox.State.ShouldBe(OutboxState.Sent);
        var payload = _harness.Graph.SentPayloads.ShouldHaveSingleItem();
        payload["to"]!.GetValue<string>().ShouldBe(Customer);
        payload["type"]!.GetValue<string>().ShouldBe("text");
        payload["text"]!["body"]!.GetValue<string>().ShouldBe("Hello Ana");
        payload["biz_opaque_callback_data"]!.GetValue<string>().ShouldBe(outbox.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _harness.Notifier.ShouldBeToldAsync($"created:{queued}");
        await _harness.Notifier.ShouldBeToldAsync($"updated:{queued}");
    }

    [Fact]
    public async Task Send_SameClientMessageIdTwice_OneMessageAndOneOutboxItem()
    {
        var first = await SendTextAsync("Hello", "double-click");
        var second = await SendTextAsync("Hello", "double-click");

        second.ShouldBe(first);
        await using var db = await _harness.DbAsync();
        (await db.Messages.CountAsync()).ShouldBe(1);
        (await db.OutboxItems.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData(25, "More than 24 hours have passed since the customer last wrote. WhatsApp only allows an approved template now.")]
    [InlineData(null, "The customer has not written in this conversation yet. WhatsApp only allows an approved template until they answer.")]
    public async Task Send_WindowClosedOrNeverOpened_RefusedSayingWhichAndNothingWritten(int? hoursAgo, string refusal)
    {
        var closed = await _harness.AddConversationAsync("15550002222", hoursAgo is null ? null : _time.Now.AddHours(-hoursAgo.Value));

        var result = await _harness.Service.SendAsync(new SendRequest(closed, "late", "Still there?"), CancellationToken.None);

        result.MessageId.ShouldBeNull();
        result.Error.ShouldBe(refusal);
        await using var db = await _harness.DbAsync();
        (await db.Messages.CountAsync()).ShouldBe(0);
        (await db.OutboxItems.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Send_InvalidInput_RefusedWithClearMessage()
    {
        (await _harness.Service.SendAsync(new SendRequest(_conversationId, "long", new string('a', 4097)), CancellationToken.None))
            .Error.ShouldBe("A WhatsApp message can be at most 4096 characters; this one has 4097.");
        (await _harness.Service.SendAsync(new SendRequest(_conversationId, "gif", null, Media: new OutboundMedia("image", "a.gif", "image/gif", [1, 2], null)), CancellationToken.None))
            .Error.ShouldBe("WhatsApp does not accept image/gif as an image. Allowed: JPEG or PNG, up to 5 MB.");
        (await _harness.Service.SendAsync(new SendRequest(_conversationId, "big", null, Media: new OutboundMedia("image", "a.jpg", "image/jpeg", new byte[(5 * 1024 * 1024) + 1], null)), CancellationToken.None))
            .Error.ShouldBe("The file is 5.0 MB; WhatsApp accepts image files up to 5 MB.");
        (await _harness.Service.SendAsync(new SendRequest(999_999, "nobody", "Hi"), CancellationToken.None))
            .Error.ShouldBe(OutboundService.ConversationNotFound);
    }

    [Fact]
    public async Task Sender_RateLimitedThenAccepted_RetriedAfterBackoffAndSentOnce()
    {
        _harness.Graph.SendBehaviours.Enqueue(FakeGraphApi.Refuse(130429));
        var id = await SendTextAsync("Hi", "busy");

        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        var outbox = (await _harness.OutboxAsync(id)).ShouldHaveSingleItem();
        outbox.State.ShouldBe(OutboxState.Queued);
        outbox.Attempts.ShouldBe(1);
        outbox.NextAttemptAt.ShouldBe(_time.Now.AddSeconds(1));
        (await _harness.MessageAsync(id)).Status.ShouldBe(MessageStatus.Pending);

        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "not due before the backoff has passed");
        _time.Advance(TimeSpan.FromSeconds(1));
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(1);

        var message = await _harness.MessageAsync(id);
        message.Status.ShouldBe(MessageStatus.Sent);
        message.WaMessageId.ShouldBe("wamid.fake1");
        _harness.Graph.SentPayloads.Count.ShouldBe(2);
        (await _harness.OutboxAsync(id)).ShouldHaveSingleItem().State.ShouldBe(OutboxState.Sent);
    }

    [Fact]
    public void Backoff_PairRateLimit_GrowsFasterThanOtherErrors()
    {
        var options = new OutboundOptions { BaseDelayMilliseconds = 1000, MaxDelaySeconds = 900 };
        OutboundSender.BackoffAfter(1, 130429, options).ShouldBe(TimeSpan.FromSeconds(1));
        OutboundSender.BackoffAfter(3, 130429, options).ShouldBe(TimeSpan.FromSeconds(4));
        OutboundSender.BackoffAfter(2, 131056, options).ShouldBe(TimeSpan.FromSeconds(16));
        OutboundSender.BackoffAfter(8, 131056, options).ShouldBe(TimeSpan.FromSeconds(900));
    }

    [Fact]
    public async Task Sender_RetryableErrorEveryTime_FailedAfterMaxAttempts()
    {
        for (var i = 0; i < 8; i++)
        {
            _harness.Graph.SendBehaviours.Enqueue(FakeGraphApi.Refuse(131000, 500));
        }

        var id = await SendTextAsync("Hi", "flaky");
        for (var i = 0; i < 8; i++)
        {
            await _harness.Sender.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(20));
        }

        var message = await _harness.MessageAsync(id);
        message.Status.ShouldBe(MessageStatus.Failed);
        message.ErrorCode.ShouldBe(131000);
        message.ErrorTitle.ShouldBe("Meta had a temporary problem.");
        _harness.Graph.SentPayloads.Count.ShouldBe(8);
        (await _harness.OutboxAsync(id)).ShouldHaveSingleItem().State.ShouldBe(OutboxState.Failed);
    }

    [Fact]
    public async Task Sender_WindowClosedAnswered_FailedWithExplanationAndNotRetried()
    {
        _harness.Graph.SendBehaviours.Enqueue(FakeGraphApi.Refuse(131047));
        var id = await SendTextAsync("Hi", "too-late");

        await _harness.Sender.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        var message = await _harness.MessageAsync(id);
        message.Status.ShouldBe(MessageStatus.Failed);
        message.ErrorCode.ShouldBe(131047);
        message.ErrorTitle.ShouldBe("The customer has not written in the last 24 hours, or has never written to this number, so WhatsApp only allows an approved template now.");
        message.ErrorDetails!.ShouldContain("Send an approved template");
        _harness.Graph.SentPayloads.Count.ShouldBe(1);
        (await _harness.OutboxAsync(id)).ShouldHaveSingleItem().State.ShouldBe(OutboxState.Failed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sender_NoAnswerAfterSending_UnconfirmedNeverResentThenSettledByStatusWebhook(bool timeout)
    {
        _harness.Graph.SendBehaviours.Enqueue(() => timeout
            ? throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException())
            : throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var id = await SendTextAsync("Hi", "lost");

        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        var outbox = (await _harness.OutboxAsync(id)).ShouldHaveSingleItem();
        outbox.State.ShouldBe(OutboxState.Unconfirmed);
        var message = await _harness.MessageAsync(id);
        message.Status.ShouldBe(MessageStatus.Pending);
        message.ErrorTitle.ShouldBe(OutboundSender.UnconfirmedTitle);

        _time.Advance(TimeSpan.FromHours(1));
        await _harness.Sender.RunOnceAsync(CancellationToken.None);
        _harness.Graph.SentPayloads.Count.ShouldBe(1, "an unconfirmed send is never repeated automatically");

        // Meta did get it: its status webhook (stored by ingestion before the wamid was known) echoes the callback data.
        await using (var db = await _harness.DbAsync())
        {
            db.MessageStatusUpdates.AddRange(
                new MessageStatusUpdate { WaMessageId = "wamid.late", Status = MessageStatus.Sent, Timestamp = _time.Now, BizOpaqueCallbackData = outbox.CallbackData },
                new MessageStatusUpdate { WaMessageId = "wamid.late", Status = MessageStatus.Delivered, Timestamp = _time.Now, BizOpaqueCallbackData = outbox.CallbackData });
            await db.SaveChangesAsync();
        }

        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        message = await _harness.MessageAsync(id);
        message.WaMessageId.ShouldBe("wamid.late");
        message.Status.ShouldBe(MessageStatus.Delivered);
        message.ErrorTitle.ShouldBeNull();
        (await _harness.OutboxAsync(id)).ShouldHaveSingleItem().State.ShouldBe(OutboxState.Sent);
        _harness.Graph.SentPayloads.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Sender_StatusArrivedBeforeAnswer_MessageKeepsLaterStatus()
    {
        await using (var db = await _harness.DbAsync())
        {
            db.MessageStatusUpdates.Add(new MessageStatusUpdate { WaMessageId = "wamid.fake1", Status = MessageStatus.Read, Timestamp = _time.Now });
            await db.SaveChangesAsync();
        }

        var id = await SendTextAsync("Hi", "fast-reader");
        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        (await _harness.MessageAsync(id)).Status.ShouldBe(MessageStatus.Read);
    }

    [Fact]
    public async Task Retry_FailedMessage_SentAgainAsNewAttempt()
    {
        _harness.Graph.SendBehaviours.Enqueue(FakeGraphApi.Refuse(131009));
        var id = await SendTextAsync("Hi", "retry-me");
        await _harness.Sender.RunOnceAsync(CancellationToken.None);
        (await _harness.MessageAsync(id)).Status.ShouldBe(MessageStatus.Failed);

        var retried = await _harness.Service.RetryAsync(id, confirmUnconfirmed: false, CancellationToken.None);
        retried.ShouldBe(SendResult.Ok(id));
        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        var message = await _harness.MessageAsync(id);
        message.Status.ShouldBe(MessageStatus.Sent);
        message.WaMessageId.ShouldBe("wamid.fake1");
        message.ErrorCode.ShouldBeNull();
        _harness.Graph.SentPayloads.Count.ShouldBe(2);
        (await _harness.OutboxAsync(id)).Select(o => o.State).ShouldBe([OutboxState.Failed, OutboxState.Sent]);
    }

    [Fact]
    public async Task Retry_SentOrUnconfirmedWithoutConsent_Refused()
    {
        var sent = await SendTextAsync("Hi", "fine");
        await _harness.Sender.RunOnceAsync(CancellationToken.None);
        (await _harness.Service.RetryAsync(sent, false, CancellationToken.None)).Error.ShouldBe("Only a message that failed can be sent again.");

        _harness.Graph.SendBehaviours.Enqueue(() => throw new TaskCanceledException("timeout", new TimeoutException()));
        var lost = await SendTextAsync("Hi again", "lost");
        await _harness.Sender.RunOnceAsync(CancellationToken.None);
        (await _harness.Service.RetryAsync(lost, false, CancellationToken.None)).Error
            .ShouldBe("This message may already have reached the customer. Confirm that sending it again is fine.");

        (await _harness.Service.RetryAsync(lost, true, CancellationToken.None)).MessageId.ShouldBe(lost);
        await _harness.Sender.RunOnceAsync(CancellationToken.None);
        (await _harness.MessageAsync(lost)).Status.ShouldBe(MessageStatus.Sent);
    }

    [Fact]
    public async Task Send_Image_UploadedThenSentByMediaId()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 1, 2, 3];
        var result = await _harness.Service.SendAsync(
            new SendRequest(_conversationId, "photo", null, Media: new OutboundMedia("image", "shoe.jpg", "image/jpeg", jpeg, "New model")),
            CancellationToken.None);

        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        _harness.Graph.Uploads.ShouldBe([("shoe.jpg", "image/jpeg", jpeg.Length)]);
        var payload = _harness.Graph.SentPayloads.ShouldHaveSingleItem();
        payload["image"]!["id"]!.GetValue<string>().ShouldBe("media-1");
        payload["image"]!["caption"]!.GetValue<string>().ShouldBe("New model");
        var message = await _harness.MessageAsync(result.MessageId!.Value);
        message.Type.ShouldBe("image");
        message.Status.ShouldBe(MessageStatus.Sent);
        message.MediaState.ShouldBe(MediaState.Downloaded);
    }

    [Fact]
    public async Task Send_InteractiveWithAHeaderFile_UploadedSentByIdAndARetryReusesTheUpload()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var buttons = new InteractiveObject(
            InteractiveTypes.Button,
            new InteractiveAction { Buttons = [new InteractiveButton(new InteractiveReply("yes", "Yes")), new InteractiveButton(new InteractiveReply("no", "No"))] },
            new InteractiveText("Is this the one?"),
            InteractiveHeader.ForMedia("image", new MediaObject()));
        _harness.Graph.SendBehaviours.Enqueue(FakeGraphApi.Refuse(131009));
        var result = await _harness.Service.SendAsync(
            new SendRequest(_conversationId, "buttons", null, Interactive: new OutboundInteractive(buttons, new OutboundMedia("image", "shoe.png", "image/png", png, null))),
            CancellationToken.None);
        await _harness.Sender.RunOnceAsync(CancellationToken.None);
        (await _harness.MessageAsync(result.MessageId!.Value)).Status.ShouldBe(MessageStatus.Failed);

        (await _harness.Service.RetryAsync(result.MessageId.Value, confirmUnconfirmed: false, CancellationToken.None)).Succeeded.ShouldBeTrue();
        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        _harness.Graph.Uploads.ShouldBe([("shoe.png", "image/png", png.Length)]);
        var payload = _harness.Graph.SentPayloads.Last();
        payload["type"]!.GetValue<string>().ShouldBe("interactive");
        payload["interactive"]!["header"]!["image"]!["id"]!.GetValue<string>().ShouldBe("media-1");
        payload["interactive"]!["action"]!["buttons"]!.AsArray().Count.ShouldBe(2);
        var message = await _harness.MessageAsync(result.MessageId.Value);
        message.Status.ShouldBe(MessageStatus.Sent);
        message.Type.ShouldBe("interactive");
        message.Text.ShouldBe("Is this the one?");
        message.MediaState.ShouldBe(MediaState.Downloaded);
    }

    [Fact]
    public async Task Sender_SecondMessageToSameCustomer_WaitsForTheFirst()
    {
        var first = await SendTextAsync("One", "one");
        var second = await SendTextAsync("Two", "two");

        // One pass sends both, the second only once Meta has answered the first.
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(2);

        _harness.Graph.SentPayloads.Select(p => p["text"]!["body"]!.GetValue<string>()).ShouldBe(["One", "Two"]);
        (await _harness.MessageAsync(first)).WaMessageId.ShouldBe("wamid.fake1");
        (await _harness.MessageAsync(second)).WaMessageId.ShouldBe("wamid.fake2");
    }

    [Fact]
    public async Task Sender_ChannelPaused_MessageWaitsQueuedThenGoesWhenResumed()
    {
        await SetPausedAsync(true);
        var queued = await SendTextAsync("Held back", "paused-1");

        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await _harness.MessageAsync(queued)).Status.ShouldBe(MessageStatus.Pending);
        _harness.Graph.SentPayloads.ShouldBeEmpty();

        await SetPausedAsync(false);
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(1);
        (await _harness.MessageAsync(queued)).Status.ShouldBe(MessageStatus.Sent);
    }

    [Fact]
    public async Task Sender_SevenRepliesToOneCustomer_BurstOfFiveThenOnePerInterval()
    {
        // Meta's pair rate: the harness keeps the defaults, a burst of 5 then one every 6 seconds.
        var ids = new List<long>();
        for (var i = 1; i <= 7; i++)
        {
            ids.Add(await SendTextAsync($"Part {i}", $"part-{i}"));
        }

        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(5);
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "the burst is spent");
        _time.Advance(TimeSpan.FromSeconds(5.9));
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "one interval has not passed yet");
        _time.Advance(TimeSpan.FromSeconds(0.1));
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(6));
        (await _harness.Sender.RunOnceAsync(CancellationToken.None)).ShouldBe(1);

        _harness.Graph.SentPayloads.Select(p => p["text"]!["body"]!.GetValue<string>())
            .ShouldBe(["Part 1", "Part 2", "Part 3", "Part 4", "Part 5", "Part 6", "Part 7"]);
        foreach (var id in ids)
        {
            (await _harness.MessageAsync(id)).Status.ShouldBe(MessageStatus.Sent);
        }
    }

    [Fact]
    public async Task Sender_MoreUnconfirmedThanOnePass_TheNewestIsSettledByItsStatus()
    {
        // Many crashes leave many unconfirmed sends; the newest must be settled as surely as the oldest.
        List<OutboxItem> items = [];
        await using (var db = await _harness.DbAsync())
        {
            var messages = new List<Message>();
            for (var i = 0; i < 700; i++)
            {
                messages.Add(new Message
                {
                    ConversationId = _conversationId,
                    ChannelId = _harness.Channel.Id,
                    Direction = MessageDirection.Outbound,
                    Type = "text",
                    Text = $"Old {i}",
                    Status = MessageStatus.Pending,
                    ErrorTitle = OutboundSender.UnconfirmedTitle,
                    Timestamp = _time.Now,
                    CreatedAt = _time.Now,
                });
            }

            db.Messages.AddRange(messages);
            await db.SaveChangesAsync();
            foreach (var message in messages)
            {
                items.Add(new OutboxItem
                {
                    MessageId = message.Id,
                    ChannelId = _harness.Channel.Id,
                    PhoneNumberId = _harness.Channel.PhoneNumberId,
                    Recipient = Customer,
                    PayloadJson = "{}",
                    State = OutboxState.Unconfirmed,
                    CreatedAt = _time.Now,
                });
            }

            db.OutboxItems.AddRange(items);
            await db.SaveChangesAsync();
            db.MessageStatusUpdates.Add(new MessageStatusUpdate { WaMessageId = "wamid.newest", Status = MessageStatus.Delivered, Timestamp = _time.Now, BizOpaqueCallbackData = items[^1].CallbackData });
            await db.SaveChangesAsync();
        }

        await _harness.Sender.RunOnceAsync(CancellationToken.None);

        var newest = await _harness.MessageAsync(items[^1].MessageId);
        newest.WaMessageId.ShouldBe("wamid.newest");
        newest.Status.ShouldBe(MessageStatus.Delivered);
        newest.ErrorTitle.ShouldBeNull();
        (await _harness.OutboxAsync(items[^1].MessageId)).ShouldHaveSingleItem().State.ShouldBe(OutboxState.Sent);
    }

    private async Task SetPausedAsync(bool paused)
    {
        await using var db = await _harness.DbAsync();
        await db.Channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.SendingPaused, paused));
    }

    private async Task<long> SendTextAsync(string text, string clientMessageId)
    {
        var result = await _harness.Service.SendAsync(new SendRequest(_conversationId, clientMessageId, text), CancellationToken.None);
        result.Error.ShouldBeNull();
        return result.MessageId!.Value;
    }
}
