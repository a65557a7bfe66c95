using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>Helpers over a running <see cref="InboxApp"/> for webhook tests.</summary>
internal static class WebhookTestApp
{
    public static async Task<Channel> AddChannelAsync(this InboxApp app, string? wabaId = null)
    {
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var channel = TestChannels.New(app.Services.GetRequiredService<ChannelSecrets>(), "Webhook line", phoneNumberId, wabaId ?? $"9{phoneNumberId}");
        await using var db = await app.DbAsync();
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
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
