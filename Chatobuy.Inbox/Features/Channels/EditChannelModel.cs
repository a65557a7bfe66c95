namespace Chatobuy.Inbox.Features.Channels;

/// <summary>The editable settings of a channel.</summary>
public sealed class EditChannelModel
{
    public string Title { get; set; } = "";

    public string? ForwardingWebhookUrl { get; set; }

    public ReadReceiptPolicy ReadReceipts { get; set; } = ReadReceiptPolicy.WhenOpened;

    /// <summary>Meta's throughput for this number; null for the inbox's default.</summary>
    public int? MessagesPerSecond { get; set; }

    /// <summary>Hold every outgoing message of this channel in its queue until sending resumes.</summary>
    public bool SendingPaused { get; set; }

    /// <summary>How new conversations get an assignee.</summary>
    public AssignmentMode AssignmentMode { get; set; }

    /// <summary>Round robin: the most open conversations an agent is given on this channel; null for no limit.</summary>
    public int? AssignmentLimit { get; set; }

    /// <summary>An agent's reply marks an open conversation Pending until the customer writes.</summary>
    public bool PendingAfterReply { get; set; }

    /// <summary>Disconnection alert emails, one per line or separated by commas.</summary>
    public string AlertEmailsText { get; set; } = "";

    public IReadOnlyList<string> AlertEmails =>
        AlertEmailsText.Split([',', ';', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
