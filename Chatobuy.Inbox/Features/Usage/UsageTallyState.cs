namespace Chatobuy.Inbox.Features.Usage;

/// <summary>How far <see cref="UsageTally"/> has counted: the last conversation, message and status report it saw (one row).</summary>
public sealed class UsageTallyState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long LastConversationId { get; set; }

    public long LastMessageId { get; set; }

    public long LastStatusUpdateId { get; set; }
}
