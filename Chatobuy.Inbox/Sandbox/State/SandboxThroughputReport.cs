namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// A number's sends as the Sandbox saw them: accepted and refused (130429) counts, the time from the first to the
/// last accepted send, the rate over it, and the most accepted in any sliding second.
/// </summary>
public sealed record SandboxThroughputReport(
    string PhoneNumberId,
    int Limit,
    int Accepted,
    int Refused,
    double Seconds,
    double PerSecond,
    int MostInAnySecond);
