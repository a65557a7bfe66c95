namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>What came of a webhook delivery, and so what the POST is answered.</summary>
public enum IngestOutcome
{
    /// <summary>Verified and durably stored (or already stored before): answer 200.</summary>
    Stored,

    /// <summary>Correctly signed, but no channel of this inbox owns the numbers or accounts in the body: answer 200 so Meta stops.</summary>
    NoKnownChannel,

    /// <summary>Missing or wrong signature: answer 401.</summary>
    BadSignature,

    /// <summary>Not Meta's JSON envelope: answer 400.</summary>
    Malformed,

    /// <summary>The database could not take it now: answer 5xx so Meta retries.</summary>
    TransientFailure,
}
