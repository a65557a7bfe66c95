namespace Chatobuy.Inbox.Features.Assignment;

/// <summary>
/// Where round robin stands on one channel: the agent last given a conversation. <see cref="Turns"/> goes up by one
/// with each assignment, in the same transaction, so two workers can never both take the same turn.
/// </summary>
public sealed class AssignmentCursor
{
    public string ChannelId { get; set; } = "";

    /// <summary>The user id of the agent round robin last gave a conversation; null before the first.</summary>
    public string? LastUserId { get; set; }

    /// <summary>How many conversations round robin has given on this channel.</summary>
    public long Turns { get; set; }
}
