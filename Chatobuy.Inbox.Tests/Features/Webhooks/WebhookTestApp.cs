using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>Helpers over a running <see cref="InboxApp"/> for webhook tests.</summary>
internal static class WebhookTestApp
{
    /// <summary>A channel row written straight to the database (with the given App Secret), then made known to the webhook path.</summary>
    public static async Task<Channel> AddChannelAsync(this InboxApp app, string? wabaId = null, string appSecret = MetaWebhook.AppSecret)
    {
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var secrets = app.Services.GetRequiredService<ChannelSecrets>();
        var channel = TestChannels.New(secrets, "Webhook line", phoneNumberId, wabaId ?? $"9{phoneNumberId}");
        channel.AppSecretProtected = secrets.Protect(appSecret);
        await using (var db = await app.DbAsync())
        {
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
        }

        // As connecting a channel in the app does: the in-memory channel list (and its App Secrets) is read again.
        app.Services.GetRequiredService<ChannelDirectory>().Invalidate(channel.Id);
        return channel;
    }

    /// <summary>The channel as its pages show it (refusals counted in memory included).</summary>
    public static async Task<ChannelView> ViewAsync(this InboxApp app, Channel channel)
    {
        await using var scope = app.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ChannelService>().GetAsync(channel.Id))!;
    }

    public static async Task<InboxDbContext> DbAsync(this InboxApp app) =>
        await app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();

    public static async Task<List<Message>> MessagesAsync(this InboxApp app, string channelId)
    {
        await using var db = await app.DbAsync();
        return await db.Messages.AsNoTracking().Where(m => m.ChannelId == channelId).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<Channel> ReloadAsync(this InboxApp app, Channel channel)
    {
        await using var db = await app.DbAsync();
        return await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channel.Id);
    }
}
