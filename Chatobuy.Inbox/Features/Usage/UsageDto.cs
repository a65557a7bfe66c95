namespace Chatobuy.Inbox.Features.Usage;

/// <summary>A channel's usage in one month, as the integration API returns it.</summary>
public sealed record UsageDto(
    string ChannelId,
    string Month,
    int ConversationsOpened,
    int MessagesReceived,
    int MessagesSent,
    int MonthlyAllowance,
    int AllowanceUsedPercent,
    UsageBillableDto Billable)
{
    public static UsageDto From(ChannelUsageMonth usage, int allowance) => new(
        usage.ChannelId,
        usage.Month,
        usage.ConversationsOpened,
        usage.MessagesReceived,
        usage.MessagesSent,
        allowance,
        (int)Math.Floor(usage.MessagesTotal * 100.0 / allowance),
        new UsageBillableDto(usage.BillableTotal, usage.BillableMarketing, usage.BillableUtility, usage.BillableAuthentication, usage.BillableService, usage.BillableOther));
}
