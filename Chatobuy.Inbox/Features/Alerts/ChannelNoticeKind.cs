namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>What a <see cref="ChannelNotice"/> is about.</summary>
public enum ChannelNoticeKind
{
    Disconnected,
    Reconnected,
    QualityDown,
    QualityUp,
    MessagingLimitChanged,
    ThroughputChanged,
    TemplatePaused,
    TemplateDisabled,
    UsageAllowance,
    ForwardingPaused,
}
