using System.Net;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>When the database cannot take a delivery, Meta gets a 5xx, nothing is half-stored, and its retry stores everything.</summary>
public sealed class TransientFailureTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Post_DatabaseRefusesTheMessages_Answers503StoresNothingAndTheRetryStoresAll()
    {
        var channel = await _app.AddChannelAsync();
        using var client = _app.CreateHttpClient();
        var envelope = MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId,
            [MetaWebhook.Text("16505550101", "first"), MetaWebhook.Text("16505550102", "second")]);

        // The database itself refuses to insert messages, after the contacts, conversations and raw log were written
        // in the same transaction: the writer's own connection and prepared statements see it as any other failure.
        await using (var db = await _app.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER \"RefuseMessages\" BEFORE INSERT ON \"Messages\" BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;");
        }

        var refused = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope);

        await using (var db = await _app.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"RefuseMessages\";");
        }

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        await using (var db = await _app.DbAsync())
        {
            (await db.Messages.CountAsync(m => m.ChannelId == channel.Id)).ShouldBe(0);
            (await db.Contacts.CountAsync(c => c.WaId == "16505550101" || c.WaId == "16505550102")).ShouldBe(0);
            (await db.Conversations.CountAsync(c => c.ChannelId == channel.Id)).ShouldBe(0);
            (await db.WebhookDeliveries.CountAsync(d => d.ChannelId == channel.Id)).ShouldBe(0);
        }

        var retried = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.MessagesAsync(channel.Id)).Select(m => m.Text).ShouldBe(["first", "second"]);
    }
}
