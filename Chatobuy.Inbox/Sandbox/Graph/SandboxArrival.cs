namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// When a Graph request reached the Sandbox (a <see cref="TimeProvider"/> timestamp), stamped before anything else
/// runs: Meta counts a number's throughput at its edge, as requests arrive, not once their body has been read and
/// checked.
/// </summary>
public sealed record SandboxArrival(long Timestamp);
