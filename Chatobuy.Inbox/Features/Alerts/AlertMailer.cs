using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Mail;
using Chatobuy.Inbox.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>
/// Sends a channel's alerts by e-mail, off the path that raised them (a Graph call, a webhook): to the channel's
/// Alert emails and every active Admin, each address once.
/// </summary>
public sealed partial class AlertMailer(
    IDbContextFactory<InboxDbContext> dbFactory,
    IMailSender mail,
    IOptions<InboxOptions> inbox,
    ILogger<AlertMailer> logger) : BackgroundService
{
    private readonly System.Threading.Channels.Channel<(string ChannelId, AlertText Text)> _pending =
        System.Threading.Channels.Channel.CreateUnbounded<(string, AlertText)>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the e-mail; it goes out in the order queued.</summary>
    public void Enqueue(string channelId, AlertText text) => _pending.Writer.TryWrite((channelId, text));

    /// <summary>The channel's alert list and every active Admin's address, each once.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channelList = await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.AlertEmails).FirstOrDefaultAsync(cancellationToken) ?? [];
        var admins = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Admin && user.IsActive && user.Email != null
                select user.Email!)
            .ToListAsync(cancellationToken);
        return channelList.Concat(admins)
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_pending.Reader.TryRead(out var item))
                {
                    try
                    {
                        await SendAsync(item.ChannelId, item.Text, stoppingToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        LogFailed(exception, item.Text.Subject);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SendAsync(string channelId, AlertText text, CancellationToken cancellationToken)
    {
        var to = await RecipientsAsync(channelId, cancellationToken);
        if (to.Count == 0)
        {
            LogNobody(text.Subject);
            return;
        }

        var link = string.IsNullOrWhiteSpace(inbox.Value.PublicBaseUrl)
            ? $"Channels → the channel, in the inbox"
            : $"{inbox.Value.PublicBaseUrl.TrimEnd('/')}/channels/{channelId}";
        var body = $"{text.Body}{Environment.NewLine}{Environment.NewLine}The channel: {link}{Environment.NewLine}{Environment.NewLine}Chatobuy Inbox";
        var result = await mail.SendAsync(new OutgoingMail(to, text.Subject, body), cancellationToken);
        if (!result.Succeeded)
        {
            LogNotSent(text.Subject, result.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert \"{Subject}\" has nobody to go to: no alert e-mails on the channel and no Admin with an address")]
    private partial void LogNobody(string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert \"{Subject}\" was not e-mailed: {Reason}")]
    private partial void LogNotSent(string subject, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert \"{Subject}\" could not be e-mailed")]
    private partial void LogFailed(Exception exception, string subject);
}
