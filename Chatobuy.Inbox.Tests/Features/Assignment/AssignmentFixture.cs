using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Availability;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Assignment;

/// <summary>
/// One app with a Sandbox channel, an Admin (Ada) and three agents (Bob, Cy, Dee), shared by the fair-assignment tests;
/// each test sets the channel's mode, says who is online and brings its own customers.
/// </summary>
public sealed class AssignmentFixture : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private int _customers;

    public InboxApp App { get; } = new();

    public Channel Channel { get; private set; } = default!;

    public HttpClient Api { get; private set; } = default!;

    /// <summary>User ids by first name.</summary>
    public Dictionary<string, string> Agents { get; } = [];

    public async Task InitializeAsync()
    {
        App.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await App.InitializeAsync();
        await using (var scope = App.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
            foreach (var name in new[] { "Bob", "Cy", "Dee" })
            {
                (await users.CreateAsync($"{name.ToLowerInvariant()}@example.com", name, Roles.Agent, Password)).Succeeded.ShouldBeTrue();
            }
        }

        await using (var db = await App.DbAsync())
        {
            foreach (var user in await db.Users.ToListAsync())
            {
                Agents[user.DisplayName] = user.Id;
            }
        }

        Channel = await SandboxChannel.ConnectAsync(App, "Support");
        Api = await ApiClients.WithNewKeyAsync(App);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>
    /// Exactly these agents are online: they chose Online in the top bar and are active; the others chose Offline.
    /// </summary>
    public async Task OnlineAsync(params string[] names)
    {
        var availability = App.Services.GetRequiredService<AgentAvailability>();
        foreach (var (name, userId) in Agents)
        {
            await availability.SetAsync(userId, names.Contains(name) ? AvailabilityStatus.Online : AvailabilityStatus.Offline);
        }
    }

    /// <summary>A clean slate: what earlier tests left open is resolved, and the channel assigns as <paramref name="mode"/> says.</summary>
    public async Task StartAsync(string mode, int? limit = null)
    {
        await using (var db = await App.DbAsync())
        {
            await db.Conversations.Where(c => c.Status == ConversationStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConversationStatus.Resolved));
        }

        var response = await Api.PatchAsJsonAsync($"/api/v1/channels/{Channel.Id}", new JsonObject { ["assignmentMode"] = mode, ["assignmentLimit"] = limit });
        response.EnsureSuccessStatusCode();
        var channel = await response.Content.ReadFromJsonAsync<JsonObject>();
        channel!["assignmentMode"]!.GetValue<string>().ShouldBe(mode);
    }

    /// <summary>A number no earlier test used.</summary>
    public string NewCustomer() => $"4477009{Interlocked.Increment(ref _customers):D5}";

    /// <summary>The customer writes from the Sandbox phone (Meta's signed webhook follows); does not wait for the inbox.</summary>
    public async Task WritesAsync(string waId, string text)
    {
        using var client = App.CreateHttpClient();
        var body = new JsonObject { ["phone_number_id"] = Channel.PhoneNumberId, ["name"] = "Customer", ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
        (await client.PostAsJsonAsync($"/sandbox/customers/{waId}/messages", body)).EnsureSuccessStatusCode();
    }

    /// <summary>The open conversations of these customers once <paramref name="done"/> holds for them (or after 60 seconds; the caller asserts).</summary>
    public async Task<List<Conversation>> WaitForAsync(IReadOnlyCollection<string> customers, Func<List<Conversation>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await App.DbAsync();
            var conversations = await db.Conversations.AsNoTracking().Include(c => c.Contact)
                .Where(c => c.ChannelId == Channel.Id && c.Status == ConversationStatus.Open && customers.Contains(c.Contact!.WaId))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .ToListAsync();
            if ((conversations.Count == customers.Count && done(conversations)) || DateTime.UtcNow > deadline)
            {
                return conversations;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The name of the agent with this user id.</summary>
    public string NameOf(string? userId) => Agents.FirstOrDefault(a => a.Value == userId).Key ?? "(nobody)";
}
