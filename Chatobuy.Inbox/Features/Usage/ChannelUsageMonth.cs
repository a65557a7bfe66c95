namespace Chatobuy.Inbox.Features.Usage;

/// <summary>
/// One channel's usage in one calendar month (UTC), kept up to date by <see cref="UsageTally"/>: conversations opened,
/// messages received and sent, and the messages Meta bills, by pricing category (from the <c>pricing</c> object of
/// status webhooks). The free allowance counts messages sent and received together.
/// </summary>
public sealed class ChannelUsageMonth
{
    public string ChannelId { get; set; } = "";

    /// <summary>"2026-12".</summary>
    public string Month { get; set; } = "";

    public int ConversationsOpened { get; set; }

    public int MessagesReceived { get; set; }

    /// <summary>Messages Meta accepted and reported on (their first status that is not <c>failed</c>).</summary>
    public int MessagesSent { get; set; }

    public int BillableMarketing { get; set; }

    public int BillableUtility { get; set; }

    public int BillableAuthentication { get; set; }

    public int BillableService { get; set; }

    /// <summary>Billable in any other category Meta names (referral_conversion, marketing_lite, authentication_international…).</summary>
    public int BillableOther { get; set; }

    /// <summary>When the "80 % of the allowance" e-mail went out this month.</summary>
    public DateTimeOffset? AllowanceWarningSentAt { get; set; }

    /// <summary>When the "allowance reached" e-mail went out this month.</summary>
    public DateTimeOffset? AllowanceReachedSentAt { get; set; }

    /// <summary>Messages sent and received: what the free monthly allowance counts.</summary>
    public int MessagesTotal => MessagesSent + MessagesReceived;

    public int BillableTotal => BillableMarketing + BillableUtility + BillableAuthentication + BillableService + BillableOther;

    /// <summary>Counts one billable message of Meta's <paramref name="category"/>.</summary>
    public void CountBillable(string? category)
    {
        switch (category)
        {
            case "marketing":
                BillableMarketing++;
                break;
            case "utility":
                BillableUtility++;
                break;
            case "authentication":
                BillableAuthentication++;
                break;
            case "service":
                BillableService++;
                break;
            default:
                BillableOther++;
                break;
        }
    }
}
