namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>
/// Something an Admin should know about a channel (a disconnection, a reconnection, a health change), shown as a
/// banner on the channel's details page until dismissed, and listed there afterwards.
/// </summary>
public sealed class ChannelNotice
{
    public long Id { get; set; }

    public string ChannelId { get; set; } = "";

    public ChannelNoticeKind Kind { get; set; }

    /// <summary>One line, also the e-mail's subject.</summary>
    public string Title { get; set; } = "";

    /// <summary>What happened and what to do, in plain words.</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When someone dismissed the banner; null while it shows.</summary>
    public DateTimeOffset? DismissedAt { get; set; }

    /// <summary>Warnings (disconnections, quality down, paused templates, the allowance, paused forwarding) versus good news.</summary>
    public bool IsWarning => Kind is ChannelNoticeKind.Disconnected or ChannelNoticeKind.QualityDown
        or ChannelNoticeKind.TemplatePaused or ChannelNoticeKind.TemplateDisabled
        or ChannelNoticeKind.UsageAllowance or ChannelNoticeKind.ForwardingPaused;
}
