using System.Net;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>
/// Another process holds the database's write lock (<c>BEGIN EXCLUSIVE</c> on a connection of its own): webhooks are
/// answered 503 while the lock is still held, never 200 and never after it, and <c>/healthz</c> says why.
/// </summary>
public sealed class DatabaseLockTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Webhooks:StoreTimeoutSeconds"] = "2";
        return _app.InitializeAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Healthz_DatabaseLockedByAnotherProcess_Answers503WithAPlainReason()
    {
        using var client = _app.CreateHttpClient();

        HttpResponseMessage whileLocked;
        await using (await HoldWriteLockAsync())
        {
            whileLocked = await client.GetAsync("/healthz");
        }

        var afterwards = await client.GetAsync("/healthz");

        whileLocked.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = JsonNode.Parse(await whileLocked.Content.ReadAsStringAsync())!;
        body["status"]!.GetValue<string>().ShouldBe("unavailable");
        body["reason"]!.GetValue<string>().ShouldContain("locked");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WebhookPosts_WhileTheDatabaseIsLocked_AreAnswered503BeforeTheLockIsReleased_AndTheRetryIsStored()
    {
        var channel = await _app.AddChannelAsync();
        using var client = _app.CreateHttpClient();
        var envelopes = Enumerable.Range(0, 5)
            .Select(i => MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text("16505557300", $"during the lock {i}")]))
            .ToList();

        HttpResponseMessage[] whileLocked;
        await using (await HoldWriteLockAsync())
        {
            // The lock is released only once every POST has been answered: a POST waiting for it would never be.
            whileLocked = await Task.WhenAll(envelopes.Select(e => MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", e)));
        }

        whileLocked.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.ServiceUnavailable);
        foreach (var envelope in envelopes)
        {
            (await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await _app.MessagesAsync(channel.Id)).Select(m => m.Text).Order().ShouldBe(Enumerable.Range(0, 5).Select(i => $"during the lock {i}"));
    }

    [Fact]
    public async Task ForgedPost_WhileTheDatabaseIsLocked_IsRefusedAndCountedWithoutTheDatabase()
    {
        var channel = await _app.AddChannelAsync();
        using var client = _app.CreateHttpClient();
        var body = MetaWebhook.Bytes(MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text("16505557301", "forged")]));

        HttpResponseMessage refused;
        int countWhileLocked;
        await using (await HoldWriteLockAsync())
        {
            refused = await MetaWebhook.PostAsync(client, "/webhooks/whatsapp", body, "sha256=" + new string('0', 64));
            countWhileLocked = (await _app.ViewAsync(channel)).RefusedSignatureCount;
        }

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        countWhileLocked.ShouldBe(1);
    }

    /// <summary>Takes the database's write lock on a connection of its own, as another process would; disposing releases it.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_app.DataDirectory, "inbox.db"),
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
