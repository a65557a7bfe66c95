using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>
/// What an agent sees in the inbox's list as they search, filter, assign and resolve. Customers write through the
/// Sandbox over HTTP; each test has its own customers and asserts only on them, so the order of tests does not matter.
/// </summary>
public sealed class InboxServiceTests(InboxServiceTests.TwoChannels shop) : IClassFixture<InboxServiceTests.TwoChannels>
{
    public sealed class TwoChannels : IAsyncLifetime
    {
        public InboxApp App { get; } = new();

        public Channel Support { get; private set; } = default!;

        public Channel Sales { get; private set; } = default!;

        public string AdaId { get; private set; } = "";

        public string BobId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await App.InitializeAsync();
            (AdaId, BobId) = await AdaAndBob.CreateAsync(App);
            await using var scope = App.CreateScope();
            var setup = scope.ServiceProvider.GetRequiredService<ChannelSetupService>();
            Support = await SandboxChannel.ConnectAsync(App, "Support");
            var model = SandboxChannel.Model(App, "Sales");
            var account = (await setup.FetchNumbersAsync(model, CancellationToken.None)).Accounts[0];
            var finished = await setup.FinishAsync(model, account, account.Numbers[1], App.BaseAddress.ToString(), CancellationToken.None);
            Sales = finished.Channel.ShouldNotBeNull();
        }

        public Task DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public async Task Search_ByNameNumberOrText_FindsTheConversation()
    {
        var marisol = await WritesAsync(shop.Support, "5511970000101", "Marisol Quintero", "My parcel came with a zebra sticker");
        var other = await WritesAsync(shop.Support, "5511970000102", "Tomas Berg", "Hello there");

        foreach (var search in new[] { "Marisol", "quintero", "970000101", "+55 11 97000-0101", "zebra sticker" })
        {
            var found = await ListAsync(new InboxFilter(Search: search), shop.AdaId);
            found.ShouldContain(r => r.Id == marisol, $"searching \"{search}\"");
            found.ShouldNotContain(r => r.Id == other, $"searching \"{search}\"");
        }

        (await ListAsync(new InboxFilter(Search: "no conversation mentions this"), shop.AdaId)).ShouldBeEmpty();
        var row = (await ListAsync(new InboxFilter(Search: "zebra"), shop.AdaId)).Single(r => r.Id == marisol);
        row.DisplayName.ShouldBe("Marisol Quintero");
        row.Preview.ShouldBe("My parcel came with a zebra sticker");
        row.ChannelTitle.ShouldBe("Support");
    }

    [Fact]
    public async Task ChannelFilterAndResolve_ShowOnlyWhatTheAgentAskedFor()
    {
        var onSupport = await WritesAsync(shop.Support, "5511970000201", "Ines", "Where is my refund?");
        var onSales = await WritesAsync(shop.Sales, "5511970000202", "Jonas", "Do you ship to Lisbon?");

        var sales = await ListAsync(new InboxFilter(ChannelId: shop.Sales.Id), shop.AdaId);
        sales.ShouldContain(r => r.Id == onSales);
        sales.ShouldNotContain(r => r.Id == onSupport);
        sales.ShouldAllBe(r => r.ChannelTitle == "Sales");

        await using (Scope(out var inbox))
        {
            (await inbox.SetStatusAsync(onSupport, ConversationStatus.Resolved)).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter(), shop.AdaId)).ShouldNotContain(r => r.Id == onSupport);
        (await ListAsync(new InboxFilter(Status: ConversationStatus.Resolved), shop.AdaId)).ShouldContain(r => r.Id == onSupport && r.Status == ConversationStatus.Resolved);

        await using (Scope(out var inbox))
        {
            (await inbox.SetStatusAsync(onSupport, ConversationStatus.Open)).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter(), shop.AdaId)).ShouldContain(r => r.Id == onSupport);
        (await ListAsync(new InboxFilter(Status: ConversationStatus.Resolved), shop.AdaId)).ShouldNotContain(r => r.Id == onSupport);
    }

    [Fact]
    public async Task Assign_MineAndUnassignedFollowAndTheAssigneeIsShownByName()
    {
        var conversation = await WritesAsync(shop.Support, "5511970000301", "Kwame", "Can someone call me?");
        (await ListAsync(new InboxFilter(Scope: InboxScope.Unassigned), shop.BobId)).ShouldContain(r => r.Id == conversation);

        await using (Scope(out var inbox))
        {
            (await inbox.AssignAsync(conversation, shop.BobId)).ShouldBeNull();
            (await inbox.AgentsAsync()).ShouldContain(a => a.Id == shop.BobId && a.Name == "Bob" && a.Email == "bob@example.com");
        }

        var bobs = await ListAsync(new InboxFilter(Scope: InboxScope.Mine), shop.BobId);
        bobs.Single(r => r.Id == conversation).AssigneeName.ShouldBe("Bob");
        (await ListAsync(new InboxFilter(Scope: InboxScope.Mine), shop.AdaId)).ShouldNotContain(r => r.Id == conversation);
        (await ListAsync(new InboxFilter(Scope: InboxScope.Unassigned), shop.AdaId)).ShouldNotContain(r => r.Id == conversation);

        await using (Scope(out var inbox))
        {
            (await inbox.AssignAsync(conversation, "no-such-user")).ShouldBe("That agent no longer exists or is deactivated.");
            (await inbox.AssignAsync(conversation, null)).ShouldBeNull();
        }

        (await ListAsync(new InboxFilter(Scope: InboxScope.Mine), shop.BobId)).ShouldNotContain(r => r.Id == conversation);
        (await ListAsync(new InboxFilter(Scope: InboxScope.Unassigned), shop.AdaId)).ShouldContain(r => r.Id == conversation && r.AssigneeName == null);
    }

    private AsyncServiceScope Scope(out InboxService inbox)
    {
        var scope = shop.App.CreateScope();
        inbox = scope.ServiceProvider.GetRequiredService<InboxService>();
        return scope;
    }

    private async Task<IReadOnlyList<ConversationRow>> ListAsync(InboxFilter filter, string userId)
    {
        await using var scope = Scope(out var inbox);
        return await inbox.ListConversationsAsync(filter, userId);
    }

    /// <summary>The customer writes through the Sandbox; returns the conversation once the inbox has the message.</summary>
    private async Task<long> WritesAsync(Channel channel, string waId, string name, string text)
    {
        using var client = shop.App.CreateHttpClient();
        var body = new JsonObject { ["phone_number_id"] = channel.PhoneNumberId, ["name"] = name, ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
        (await client.PostAsJsonAsync($"/sandbox/customers/{waId}/messages", body)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await shop.App.DbAsync();
            var conversation = await db.Conversations
                .Where(c => c.ChannelId == channel.Id && c.Contact!.WaId == waId && db.Messages.Any(m => m.ConversationId == c.Id && m.Text == text))
                .Select(c => (long?)c.Id)
                .FirstOrDefaultAsync();
            if (conversation is { } id)
            {
                return id;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer's message never arrived");
            await Task.Delay(100);
        }
    }
}
