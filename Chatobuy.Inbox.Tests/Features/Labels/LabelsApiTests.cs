using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Labels;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Labels;

/// <summary>
/// Labels through the integration API over real HTTP (read and set a conversation's labels, an unknown name refused), and
/// what the inbox makes of them: its list filtered by a label, and the event open pages hear.
/// </summary>
public sealed class LabelsApiTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string ChannelId = "cccccccccccccccccccccccccccccccc";
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetLabels_ListsEveryLabelWithItsColour()
    {
        await EnsureLabelAsync("refund", "#C62828");
        await EnsureLabelAsync("VIP", "#6A1B9A");
        using var client = await ApiClients.WithNewKeyAsync(app);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/labels"));

        var labels = json.RootElement.EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("colour").GetString())).ToList();
        labels.ShouldContain(("refund", "#C62828"));
        labels.ShouldContain(("VIP", "#6A1B9A"));
    }

    [Fact]
    public async Task Put_KnownNames_ReplacesTheSet_GetReadsIt_AndTheInboxFiltersByIt()
    {
        var refund = await EnsureLabelAsync("refund", "#C62828");
        await EnsureLabelAsync("VIP", "#6A1B9A");
        var labelled = await ConversationAsync("15550001001");
        var other = await ConversationAsync("15550001002");
        using var client = await ApiClients.WithNewKeyAsync(app);
        var heard = new TaskCompletionSource<ConversationLabelsChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<InboxEvents>().Subscribe<ConversationLabelsChanged>(
            e => Task.FromResult(heard.TrySetResult(e)), filter: e => e.ConversationId == labelled);

        var put = await client.PutAsJsonAsync($"/api/v1/conversations/{labelled}/labels", new { labels = new[] { "vip", "Refund", "refund" } });

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        Names(await put.Content.ReadAsStringAsync()).ShouldBe(["refund", "VIP"]);
        Names(await client.GetStringAsync($"/api/v1/conversations/{labelled}/labels")).ShouldBe(["refund", "VIP"]);
        Names(await client.GetStringAsync($"/api/v1/conversations/{other}/labels")).ShouldBeEmpty();
        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).ChannelId.ShouldBe(ChannelId);

        await using var scope = app.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxService>();
        var filtered = await inbox.ListConversationsAsync(new InboxFilter(ChannelId: ChannelId, LabelId: refund.Id), "nobody");
        filtered.Select(c => c.Id).ShouldContain(labelled);
        filtered.Select(c => c.Id).ShouldNotContain(other);
        filtered.Single(c => c.Id == labelled).Labels.Select(l => l.Name).ShouldBe(["refund", "VIP"]);
        (await inbox.ListConversationsAsync(new InboxFilter(ChannelId: ChannelId), "nobody")).Select(c => c.Id).ShouldContain(other);

        // An empty list takes every label off.
        (await client.PutAsJsonAsync($"/api/v1/conversations/{labelled}/labels", new { labels = Array.Empty<string>() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Names(await client.GetStringAsync($"/api/v1/conversations/{labelled}/labels")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_UnknownName_400NamingIt_AndNothingChanges()
    {
        await EnsureLabelAsync("refund", "#C62828");
        var conversation = await ConversationAsync("15550001003");
        using var client = await ApiClients.WithNewKeyAsync(app);
        (await client.PutAsJsonAsync($"/api/v1/conversations/{conversation}/labels", new { labels = new[] { "refund" } })).EnsureSuccessStatusCode();

        var put = await client.PutAsJsonAsync($"/api/v1/conversations/{conversation}/labels", new { labels = new[] { "refund", "urgent" } });

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var error = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetString()!.ShouldStartWith("No label is called \"urgent\".");
        Names(await client.GetStringAsync($"/api/v1/conversations/{conversation}/labels")).ShouldBe(["refund"]);
    }

    [Fact]
    public async Task Put_WithoutLabels_400SaysWhatToSend()
    {
        var conversation = await ConversationAsync("15550001004");
        using var client = await ApiClients.WithNewKeyAsync(app);

        var put = await client.PutAsJsonAsync($"/api/v1/conversations/{conversation}/labels", new { names = new[] { "refund" } });

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.Content.ReadAsStringAsync()).ShouldContain("labels");
    }

    [Fact]
    public async Task UnknownConversation_404()
    {
        using var client = await ApiClients.WithNewKeyAsync(app);

        (await client.GetAsync("/api/v1/conversations/987654/labels")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync("/api/v1/conversations/987654/labels", new { labels = Array.Empty<string>() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateLabel_SameNameInAnotherCase_Refused()
    {
        await EnsureLabelAsync("refund", "#C62828");
        var labels = app.Services.GetRequiredService<LabelService>();

        var error = await labels.CreateAsync(new LabelModel { Name = " REFUND ", Colour = "#1565C0" });

        error.ShouldBe("There is already a label called \"REFUND\".");
    }

    private async Task<LabelTag> EnsureLabelAsync(string name, string colour)
    {
        var labels = app.Services.GetRequiredService<LabelService>();
        if ((await labels.ListAsync()).FirstOrDefault(l => l.Name == name) is not { } label)
        {
            (await labels.CreateAsync(new LabelModel { Name = name, Colour = colour })).ShouldBeNull();
            label = (await labels.ListAsync()).Single(l => l.Name == name);
        }

        return label;
    }

    private async Task<long> ConversationAsync(string waId)
    {
        await using var db = await app.DbAsync();
        var contact = new Contact { WaId = waId, ProfileName = "Customer " + waId[^2..], CreatedAt = T0, UpdatedAt = T0 };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var conversation = new Conversation { ChannelId = ChannelId, ContactId = contact.Id, LastMessageAt = T0, LastInboundAt = T0, CreatedAt = T0 };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    private static List<string?> Names(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
    }
}
