namespace Chatobuy.Inbox.Features.Assignment;

/// <summary>Whether an agent is online to be given new conversations by round robin.</summary>
public interface IAgentAvailability
{
    /// <summary>True when the agent (by user id) may be given a new conversation now.</summary>
    bool IsAvailable(string userId);
}
