namespace Chatobuy.Inbox.Features.Outbound;

public enum OutboxState
{
    /// <summary>Waiting to be sent, including while a sender holds it waiting for its turn under the rate limit.</summary>
    Queued,

    /// <summary>Its request was let go: after a crash it may have reached Meta, so it becomes unconfirmed.</summary>
    Sending,
    Sent,

    /// <summary>The request may have reached Meta but no answer came: never resent automatically.</summary>
    Unconfirmed,
    Failed,
}
