using System.Collections.Concurrent;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Assignment;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Assignment;

/// <summary>
/// Fair assignment end to end: customers write through the Sandbox, the inbox assigns their conversations by the
/// channel's mode (set through the integration API) among the agents who are online.
/// </summary>
public sealed class RoundRobinAssignmentTests(AssignmentFixture fixture) : IClassFixture<AssignmentFixture>
{
    private InboxApp App => fixture.App;

    [Fact]
    public async Task RoundRobin_100ConversationsDeliveredTwiceThreeAgents_EachAssignedOnceCountsDifferByAtMostOne()
    {
        await fixture.StartAsync(AssignmentModes.RoundRobin);
        await fixture.OnlineAsync("Bob", "Cy", "Dee");
        var assignedEvents = new ConcurrentDictionary<long, int>();
        using var subscription = App.Services.GetRequiredService<InboxEvents>().Subscribe<ConversationAssigned>(e =>
        {
            assignedEvents.AddOrUpdate(e.ConversationId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        });
        var state = App.Services.GetRequiredService<SandboxState>();
        var settings = state.DeliverySettings;
        state.UpdateDeliverySettings(settings with { DuplicateDelivery = true });
        List<Conversation> conversations;
        var customers = Enumerable.Range(0, 100).Select(_ => fixture.NewCustomer()).ToList();
        try
        {
            foreach (var customer in customers)
            {
                await fixture.WritesAsync(customer, "Where is my order?");
            }

            conversations = await fixture.WaitForAsync(customers, all => all.All(c => c.AssigneeUserId is not null));
        }
        finally
        {
            state.UpdateDeliverySettings(settings);
        }

        conversations.Count.ShouldBe(100);
        conversations.ShouldAllBe(c => c.AssigneeUserId != null);
        var counts = conversations.GroupBy(c => fixture.NameOf(c.AssigneeUserId)).ToDictionary(g => g.Key, g => g.Count());
        string.Join(",", counts.Keys.Order()).ShouldBe("Bob,Cy,Dee", $"assigned: {string.Join(", ", counts)}");
        (counts.Values.Max() - counts.Values.Min()).ShouldBeLessThanOrEqualTo(1, $"assigned: {string.Join(", ", counts)}");

        // Each conversation was assigned once, however often its delivery arrived (a full pass finds nothing left), and
        // told once, as a manual assignment is.
        (await App.Services.GetRequiredService<AutoAssigner>().AssignWaitingAsync(fixture.Channel.Id, CancellationToken.None)).ShouldBe(0);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (conversations.Any(c => !assignedEvents.ContainsKey(c.Id)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        conversations.ShouldAllBe(c => assignedEvents.GetValueOrDefault(c.Id) == 1);
    }

    [Fact]
    public async Task RoundRobin_AnAgentOffline_IsSkippedAndTheCustomerWritingAgainKeepsTheAssignee()
    {
        await fixture.StartAsync(AssignmentModes.RoundRobin);
        await fixture.OnlineAsync("Bob", "Dee");
        var customers = Enumerable.Range(0, 6).Select(_ => fixture.NewCustomer()).ToList();
        foreach (var customer in customers)
        {
            await fixture.WritesAsync(customer, "Hello");
        }

        var conversations = await fixture.WaitForAsync(customers, all => all.All(c => c.AssigneeUserId is not null));

        var names = conversations.Select(c => fixture.NameOf(c.AssigneeUserId)).ToList();
        names.Count(n => n == "Bob").ShouldBe(3, string.Join(", ", names));
        names.Count(n => n == "Dee").ShouldBe(3, string.Join(", ", names));

        // Cy comes online; the first customer writes again: the conversation stays with whoever had it.
        await fixture.OnlineAsync("Bob", "Cy", "Dee");
        var first = conversations[0];
        await fixture.WritesAsync(customers[0], "Any news?");
        var again = await fixture.WaitForAsync([customers[0]], all => all[0].UnreadCount > first.UnreadCount);
        again.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        again[0].AssigneeUserId.ShouldBe(first.AssigneeUserId);

        // The next three new conversations go one to each of the three now online.
        var newcomers = Enumerable.Range(0, 3).Select(_ => fixture.NewCustomer()).ToList();
        foreach (var newcomer in newcomers)
        {
            await fixture.WritesAsync(newcomer, "Hi");
        }

        var assigned = await fixture.WaitForAsync(newcomers, all => all.All(c => c.AssigneeUserId is not null));
        assigned.Select(c => fixture.NameOf(c.AssigneeUserId)).Order().ShouldBe(["Bob", "Cy", "Dee"]);
    }

    [Fact]
    public async Task RoundRobin_LimitOfTwo_NewOnesWaitAndTheOldestGoesToWhoeverHasRoomAgain()
    {
        await fixture.StartAsync(AssignmentModes.RoundRobin, limit: 2);
        await fixture.OnlineAsync("Bob", "Cy");
        var customers = Enumerable.Range(0, 6).Select(_ => fixture.NewCustomer()).ToList();
        foreach (var customer in customers)
        {
            await fixture.WritesAsync(customer, "Hello");
        }

        var conversations = await fixture.WaitForAsync(customers, all => all.Count(c => c.AssigneeUserId is not null) == 4);
        var assigner = App.Services.GetRequiredService<AutoAssigner>();
        // A whole pass now assigns nothing more: both agents are full.
        (await assigner.AssignWaitingAsync(fixture.Channel.Id, CancellationToken.None)).ShouldBe(0);
        conversations = await fixture.WaitForAsync(customers, _ => true);
        conversations.Take(4).ShouldAllBe(c => c.AssigneeUserId != null);
        conversations.Skip(4).ShouldAllBe(c => c.AssigneeUserId == null);
        conversations.GroupBy(c => fixture.NameOf(c.AssigneeUserId)).ToDictionary(g => g.Key, g => g.Count())
            .ShouldBe(new Dictionary<string, int> { ["Bob"] = 2, ["Cy"] = 2, ["(nobody)"] = 2 }, ignoreOrder: true);

        // Cy resolves one: the oldest waiting conversation goes to Cy, the newest still waits.
        var cys = conversations.First(c => fixture.NameOf(c.AssigneeUserId) == "Cy");
        await using (var scope = App.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<InboxService>().SetStatusAsync(cys.Id, ConversationStatus.Resolved)).ShouldBeNull();
        }

        var waiting = conversations.Skip(4).Select(c => c.Contact!.WaId).ToList();
        var after = await fixture.WaitForAsync(waiting, all => all[0].AssigneeUserId is not null);
        fixture.NameOf(after[0].AssigneeUserId).ShouldBe("Cy");
        (await assigner.AssignWaitingAsync(fixture.Channel.Id, CancellationToken.None)).ShouldBe(0);
        after = await fixture.WaitForAsync(waiting, _ => true);
        after[1].AssigneeUserId.ShouldBeNull();
    }

    [Fact]
    public async Task FirstReplier_TwoAgentsReply_TheFirstBecomesTheAssigneeAndStays()
    {
        await fixture.StartAsync(AssignmentModes.FirstReplier);
        await fixture.OnlineAsync("Bob", "Cy", "Dee");
        var customer = fixture.NewCustomer();
        await fixture.WritesAsync(customer, "Can someone help?");
        var conversation = (await fixture.WaitForAsync([customer], _ => true)).ShouldHaveSingleItem();
        // Nobody is given it before a reply.
        (await App.Services.GetRequiredService<AutoAssigner>().AssignWaitingAsync(fixture.Channel.Id, CancellationToken.None)).ShouldBe(0);

        var outbound = App.Services.GetRequiredService<OutboundService>();
        (await outbound.SendAsync(new SendRequest(conversation.Id, Guid.NewGuid().ToString("N"), "Dee here, on it.", SentByUserId: fixture.Agents["Dee"]), CancellationToken.None))
            .Succeeded.ShouldBeTrue();
        (await outbound.SendAsync(new SendRequest(conversation.Id, Guid.NewGuid().ToString("N"), "Bob here too.", SentByUserId: fixture.Agents["Bob"]), CancellationToken.None))
            .Succeeded.ShouldBeTrue();

        var assigned = await fixture.WaitForAsync([customer], all => all[0].AssigneeUserId is not null);
        fixture.NameOf(assigned[0].AssigneeUserId).ShouldBe("Dee");
        (await App.Services.GetRequiredService<AutoAssigner>().AssignFirstReplierAsync(
            new AgentReplied(fixture.Channel.Id, conversation.Id, 0, fixture.Agents["Bob"]), CancellationToken.None)).ShouldBeFalse();
        var final = await fixture.WaitForAsync([customer], _ => true);
        fixture.NameOf(final[0].AssigneeUserId).ShouldBe("Dee");
    }

    [Fact]
    public async Task ChannelsApi_AssignmentModeUnknownOrLimitOutOfRange_RefusedWithAPlainMessage()
    {
        var mode = await fixture.Api.PatchAsync($"/api/v1/channels/{fixture.Channel.Id}", System.Net.Http.Json.JsonContent.Create(new { assignmentMode = "lottery" }));
        mode.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await mode.Content.ReadAsStringAsync()).ShouldContain("none, round_robin or first_replier");

        var limit = await fixture.Api.PatchAsync($"/api/v1/channels/{fixture.Channel.Id}", System.Net.Http.Json.JsonContent.Create(new { assignmentLimit = 0 }));
        limit.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await limit.Content.ReadAsStringAsync()).ShouldContain("between 1 and 1,000");
    }
}
