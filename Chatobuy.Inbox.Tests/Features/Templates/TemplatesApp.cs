using System.Security.Claims;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Templates;

/// <summary>
/// The whole app on Kestrel with a channel connected to its Sandbox, which reviews templates quickly and lists
/// them two per page.
/// </summary>
public sealed class TemplatesApp : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Channel Channel { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App.Settings["Sandbox:Templates:ReviewDelayMilliseconds"] = "150";
        App.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        App.Settings["Templates:SyncPageSize"] = "2";

        // A sync and a create (or the review's status webhook) may insert the same template at once: the loser's save
        // fails on the unique key, EF Core logs it as an error, and the app retries (TemplateSync, TemplateManager).
        App.ExpectErrors("UNIQUE constraint failed: MessageTemplates", "INSERT INTO \"MessageTemplates\"");
        await App.InitializeAsync();
        Channel = await SandboxChannel.ConnectAsync(App, "Templates");
    }

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>Runs <paramref name="use"/> with a scoped service (the manager, the sync, the Graph client).</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = App.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<TemplateCommandResult> CreateAsync(TemplateDraft draft) =>
        WithAsync<TemplateManager, TemplateCommandResult>(m => m.CreateAsync(Channel.Id, draft));

    public Task<TemplateSyncResult> SyncAsync() =>
        WithAsync<TemplateSync, TemplateSyncResult>(s => s.SyncChannelAsync(Channel.Id, CancellationToken.None));

    public GraphConnection Connection => App.Services.GetRequiredService<ChannelSecrets>().ConnectionOf(Channel);

    public async Task<List<MessageTemplate>> TemplatesAsync()
    {
        await using var db = await App.DbAsync();
        return await db.MessageTemplates.AsNoTracking().Where(t => t.WabaId == Channel.WabaId).ToListAsync();
    }

    /// <summary>Waits (at most 20 s) until the stored templates satisfy <paramref name="condition"/>.</summary>
    public async Task<List<MessageTemplate>> WaitForAsync(Func<List<MessageTemplate>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var templates = await TemplatesAsync();
            if (condition(templates) || DateTime.UtcNow > deadline)
            {
                return templates;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A hub client with an API key, watching the channel.</summary>
    public async Task<HubConnection> WatchAsync()
    {
        await using var scope = App.CreateScope();
        var key = await scope.ServiceProvider.GetRequiredService<Chatobuy.Inbox.Features.Api.ApiKeyService>().CreateAsync("Templates hub test", "tests");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.BaseAddress, InboxHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key.Plaintext))
            .Build();
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(InboxHub.WatchChannels), new[] { Channel.Id });
        return hub;
    }

    /// <summary>A valid utility template with one body variable.</summary>
    public static TemplateDraft Draft(string name, string body = "Hi {{1}}, your table is ready.", string category = "UTILITY", string language = "en_US") => new()
    {
        Name = name,
        Category = category,
        Language = language,
        Body = body,
        BodyExamples = TemplateContent.VariablesOf(body).ToDictionary(v => v, v => $"example {v}"),
    };
}
