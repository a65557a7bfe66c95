using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Templates;

/// <summary>Templates arrive by themselves when a channel is connected, and leave with the account's last channel.</summary>
public sealed class TemplateSyncWorkerTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ConnectingAChannel_SyncsItsTemplates_DeletingItForgetsThem()
    {
        var channel = await SandboxChannel.ConnectAsync(_app, "Auto");

        var synced = await WaitForAsync(channel.WabaId, all => all.Count == 5);

        synced.Select(t => t.Name).Distinct().Order().ShouldBe(["follow_up", "hello_world", "order_update", "spring_sale"]);
        await using (var scope = _app.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ChannelService>().DeleteAsync(channel.Id)).Succeeded.ShouldBeTrue();
        }

        (await WaitForAsync(channel.WabaId, all => all.Count == 0)).ShouldBeEmpty();
    }

    private async Task<List<MessageTemplate>> WaitForAsync(string wabaId, Func<List<MessageTemplate>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = await _app.DbAsync();
            var templates = await db.MessageTemplates.AsNoTracking().Where(t => t.WabaId == wabaId).ToListAsync();
            if (condition(templates) || DateTime.UtcNow > deadline)
            {
                return templates;
            }

            await Task.Delay(50);
        }
    }
}
