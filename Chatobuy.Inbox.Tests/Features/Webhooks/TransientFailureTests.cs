using System.Data.Common;
using System.Net;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>When the database cannot take a delivery, Meta gets a 5xx, nothing is half-stored, and its retry stores everything.</summary>
public sealed class TransientFailureTests : IAsyncLifetime
{
    private readonly FailingInserts _failure = new();
    private readonly InboxApp _app = new();

    public Task InitializeAsync()
    {
        _app.ConfigureServices = services => services.AddSingleton<IInterceptor>(_failure);

        // The failure this test injects: EF Core logs the failed command and the failed save before the webhook answers 503.
        _app.ExpectErrors("database is locked", "Failed executing DbCommand");
        return _app.InitializeAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Post_DatabaseUnavailable_Answers503StoresNothingAndTheRetryStoresAll()
    {
        var channel = await _app.AddChannelAsync();
        using var client = _app.CreateHttpClient();
        var envelope = MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId,
            [MetaWebhook.Text("16505550101", "first"), MetaWebhook.Text("16505550102", "second")]);

        _failure.Armed = true;
        var refused = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope);
        _failure.Armed = false;

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

    /// <summary>Makes inserting messages fail the way a locked or unavailable SQLite database does.</summary>
    private sealed class FailingInserts : DbCommandInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"Messages\"", StringComparison.Ordinal))
            {
                throw new SqliteException("database is locked", 5);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
