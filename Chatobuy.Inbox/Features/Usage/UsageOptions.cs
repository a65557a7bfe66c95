using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Usage;

public sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>Free messages (sent and received) per channel per month; the bar and the 80 %/100 % e-mails measure against it.</summary>
    [Range(1, int.MaxValue)]
    public int MonthlyAllowance { get; set; } = 1000;

    /// <summary>How often new conversations, messages and status reports are counted.</summary>
    [Range(1, 3600)]
    public int TallyIntervalSeconds { get; set; } = 30;

    /// <summary>At most this many rows of each kind per pass.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 5000;
}
